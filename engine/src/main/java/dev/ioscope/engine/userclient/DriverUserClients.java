package dev.ioscope.engine.userclient;

import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.driverkit.DextUserClients;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * User clients a running driver offers (a kext's driver class, or a dext's user class: one SPI): what its
 * {@code IOService::newUserClient} would create. A family's driver
 * calls {@link #provide} in start() with its method table (JSON, {@link MethodTableJson}) and the functions behind
 * the rows, bound to that driver instance; the scenario {@code open} action then finds them for the service it
 * opens (before the engine's demo and scenario-provided classes), so {@code call} reaches the driver's own code.
 * Keyed by registry entry identity and held weakly: a machine that is dropped takes its clients with it.
 */
public final class DriverUserClients {
    /**
     * A user-client class as a driver implements it: its method table, the functions behind the rows, and the
     * memory its {@code clientMemoryForType} (a dext's {@code CopyClientMemoryForType}) hands out, by memory type —
     * the driver's own buffers, shared by every connection; a type not in the map answers kIOReturnUnsupported.
     */
    public record Implementation(MethodTableJson.MethodTable table, Map<String, IOExternalMethodAction> functions,
            Map<Integer, IOMemoryDescriptor> memory) {
        public Implementation {
            functions = Map.copyOf(functions);
            memory = Map.copyOf(memory);
        }

        /** A class without memory types. */
        public Implementation(MethodTableJson.MethodTable table, Map<String, IOExternalMethodAction> functions) {
            this(table, functions, Map.of());
        }
    }

    private static final Map<IORegistryEntry, Map<String, Implementation>> BY_SERVICE =
            Collections.synchronizedMap(new WeakHashMap<>());

    private DriverUserClients() {
    }

    /** Offers {@code impl} under its table's class name and sets the service's IOUserClientClass to it. */
    public static void provide(IORegistryEntry service, Implementation impl) {
        String cls = impl.table().userClient();
        if (cls == null) {
            throw new IllegalArgumentException("the method table names no userClient class");
        }
        BY_SERVICE.computeIfAbsent(service, k -> Collections.synchronizedMap(new LinkedHashMap<>())).put(cls, impl);
        if (DextUserClients.of(service).isEmpty()) {
            // a dext names its client in UserClientProperties (its IOUserClass), not in IOUserClientClass
            service.setProperty(UserClientSession.IO_USER_CLIENT_CLASS, OSString.of(cls));
        }
    }

    /** The driver stopped: its user clients can no longer be opened. */
    public static void withdraw(IORegistryEntry service) {
        BY_SERVICE.remove(service);
    }

    /** The implementation {@code service} offers for {@code cls}, or null. */
    public static Implementation find(IORegistryEntry service, String cls) {
        Map<String, Implementation> m = BY_SERVICE.get(service);
        return m == null || cls == null ? null : m.get(cls);
    }
}
