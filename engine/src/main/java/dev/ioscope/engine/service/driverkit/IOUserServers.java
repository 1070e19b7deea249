package dev.ioscope.engine.service.driverkit;

import static dev.ioscope.engine.sim.JournalKind.DRIVERKIT_LAUNCH;
import static dev.ioscope.engine.sim.JournalKind.DRIVERKIT_NO_REUSE;
import static dev.ioscope.engine.sim.JournalKind.DRIVERKIT_NO_SERVER;
import static dev.ioscope.engine.sim.JournalKind.DRIVERKIT_REUSE;
import static dev.ioscope.engine.sim.JournalKind.DRIVERKIT_RPC;
import static dev.ioscope.engine.sim.JournalKind.DRIVERKIT_SERVER_DIED;
import static dev.ioscope.engine.sim.JournalKind.DRIVERKIT_SERVICE_ATTACH;
import static dev.ioscope.engine.sim.JournalKind.DRIVERKIT_STARTED;
import static dev.ioscope.engine.sim.JournalKind.REGISTRY_DETACH;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.service.DextPersonality;
import dev.ioscope.engine.service.DriverKitKeys;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.sim.EventKind;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IOUserServers of one machine and the dext services they host: the dext half of IOService::startCandidate
 * (launch or reuse a server, name the service after its IOUserClass) and IOUserServer's serviceAttach,
 * serviceStarted, serviceStop and finalize (the server dying). The life cycle calls the hooks; this class never
 * drives matching itself, it asks its {@link Host}.
 */
public final class IOUserServers {
    /** What the life cycle lends: its journal, its journaled attach, its paths and its terminate. */
    public interface Host {
        void record(EventKind kind, String entry, String... kv);

        void attach(IORegistryEntry child, IORegistryEntry parent);

        String path(IORegistryEntry e);

        /** IOService::terminate with kIOServiceTerminateWithRematch: the provider re-matches once it is gone. */
        void terminateWithRematch(IORegistryEntry service);
    }

    private final IORegistry registry;
    private final IORegistryPlane plane;
    private final Host host;
    /** Each hosted service's server (OSObjectUserVars::userServer). */
    private final Map<IORegistryEntry, IORegistryEntry> serverOf = new IdentityHashMap<>();
    /** Services whose start succeeded (uvars->started). */
    private final Map<IORegistryEntry, Boolean> started = new IdentityHashMap<>();

    public IOUserServers(IORegistry registry, Host host) {
        this.registry = registry;
        this.plane = registry.plane(IORegistryPlane.IOSERVICE);
        this.host = host;
    }

    /**
     * The dext half of IOService::startCandidate, run once the service is attached to its provider and before
     * its start. Empty when the service may start (a kext personality needs nothing here); otherwise why the
     * candidate fails, and the caller detaches it.
     */
    public Optional<String> startCandidate(IORegistryEntry service, IORegistryEntry provider, Personality p) {
        OSDictionary table = p.table();
        if (!DextPersonality.isDext(p)) {
            return Optional.empty();
        }
        if (UserResources.IO_RESOURCES.equals(provider.className())) {
            // DK3: a dext never attaches to IOResources; IOUserResources is its resource nub
            return Optional.of("IOService::startCandidate does not attach a dext (IOUserServerName) to IOResources");
        }
        // DK2: probeCandidates keeps the whole personality on a dext service for re-matching
        service.setProperty(DriverKitKeys.IO_MATCHED_PERSONALITY, table);
        Optional<String> serverName = DextPersonality.serverName(table);
        if (serverName.isEmpty()) {
            host.record(DRIVERKIT_NO_SERVER, host.path(service), "reason",
                    "IOUserServerName is not a string: no server is launched");
            return Optional.empty();
        }
        DextPersonality.userClass(table).ifPresent(service::setName);   // DK4
        IORegistryEntry server = launch(service, serverName.get(), p.bundle(), DextPersonality.oneProcess(table));
        serviceAttach(server, service);
        host.record(DRIVERKIT_RPC, host.path(service), "server", server.name(), "message", "IOService::Start",
                "provider", host.path(provider));
        return Optional.empty();
    }

    /** IOUserServer::serviceStarted: a started service is one the server's death terminates. */
    public void serviceStarted(IORegistryEntry service, boolean ok) {
        IORegistryEntry server = serverOf.get(service);
        if (server != null) {
            started.put(service, ok);
            host.record(DRIVERKIT_STARTED, host.path(service), "server", server.name(), "result",
                    String.valueOf(ok));
            if (!ok) {
                serviceStop(service);
            }
        }
    }

    /** IOUserServer::serviceStop: the service leaves its server's IOAssociatedServices. */
    public void serviceStop(IORegistryEntry service) {
        IORegistryEntry server = serverOf.remove(service);
        started.remove(service);
        if (server == null) {
            return;
        }
        List<OSObject> ids = new ArrayList<>(associated(server));
        ids.removeIf(o -> o instanceof OSNumber n && n.value() == service.registryEntryID());
        server.setProperty(DriverKitKeys.IO_ASSOCIATED_SERVICES, OSArray.of(ids));
        host.record(DRIVERKIT_RPC, host.path(service), "server", server.name(), "message", "IOService::Stop");
    }

    /**
     * IOUserServer::finalize after its process died: every started service it hosted is terminated with
     * rematch (DK8), its provider keeping IORematchPersonality and a raised IORematchCount; the server leaves
     * the registry. Returns how many servers of that name died.
     */
    public int crash(String serverName) {
        int n = 0;
        for (IORegistryEntry server : servers(serverName)) {
            n++;
            host.record(DRIVERKIT_SERVER_DIED, host.path(server), "server", server.name());
            for (IORegistryEntry service : hostedBy(server)) {
                IORegistryEntry provider = service.parent(plane);
                // a service a snapshot brought (not started here) counts as started when it is active
                boolean wasStarted = started.containsKey(service) ? started.get(service) : service.state().active();
                serviceStop(service);
                if (!wasStarted) {
                    continue;
                }
                if (provider != null) {
                    OSObject count = provider.property(DriverKitKeys.IO_REMATCH_COUNT);
                    long next = count instanceof OSNumber c ? c.value() + 1 : 0;
                    provider.setProperty(DriverKitKeys.IO_REMATCH_COUNT, OSNumber.of32(next));
                    OSObject personality = service.property(DriverKitKeys.IO_MATCHED_PERSONALITY);
                    if (personality != null) {
                        provider.setProperty(DriverKitKeys.IO_REMATCH_PERSONALITY, personality);
                    }
                }
                host.terminateWithRematch(service);
            }
            EntryState s = server.state();
            server.setState(new EntryState(s.service(), s.registered(), s.matched(), false, s.busyState(),
                    s.busyTimeMs(), s.retainCount()));
            registry.detachAll(server, plane);
            host.record(REGISTRY_DETACH, "", "class", server.className(), "name", server.name());
        }
        return n;
    }

    /** The active servers named {@code serverName} (IOUserServerName), in launch order. */
    public List<IORegistryEntry> servers(String serverName) {
        List<IORegistryEntry> out = new ArrayList<>();
        for (IORegistryEntry e : registry.entries()) {
            if (DriverKitKeys.IO_USER_SERVER.equals(e.className()) && e.state().active() && e.inPlane(plane)
                    && serverName.equals(DextPersonality.string(e.property(DriverKitKeys.IO_USER_SERVER_NAME))
                    .orElse(null))) {
                out.add(e);
            }
        }
        return out;
    }

    /** The server hosting a dext service, if any. */
    public Optional<IORegistryEntry> serverOf(IORegistryEntry service) {
        return Optional.ofNullable(serverOf.get(service));
    }

    /** The server's services (fServices), by its IOAssociatedServices: also those of a loaded snapshot. */
    private List<IORegistryEntry> hostedBy(IORegistryEntry server) {
        List<IORegistryEntry> out = new ArrayList<>();
        for (OSObject id : associated(server)) {
            associatedService(registry, id).filter(e -> e.inPlane(plane)).ifPresent(svc -> {
                out.add(svc);
                serverOf.putIfAbsent(svc, server);
            });
        }
        return out;
    }

    /**
     * IOUserServer::launchUserServer: with IOUserServerOneProcess (and a server name of the bundle's
     * organisation) an existing server of the name is reused (DK5, DK6); otherwise a new one is launched for
     * this service, tagged with the service's registry entry ID and named "IOUserServer(name-0xtag)" (DK7).
     */
    private IORegistryEntry launch(IORegistryEntry service, String serverName, String bundleId, boolean oneProcess) {
        boolean reuse = oneProcess && DextPersonality.sameOrganization(bundleId, serverName);
        if (oneProcess && !reuse) {
            host.record(DRIVERKIT_NO_REUSE, host.path(service), "server", serverName, "bundle", bundleId,
                    "reason", "IOUserServerName is not of the bundle identifier's organisation");
        }
        if (reuse) {
            List<IORegistryEntry> existing = servers(serverName);
            if (!existing.isEmpty()) {
                host.record(DRIVERKIT_REUSE, host.path(service), "server", existing.get(0).name());
                return existing.get(0);
            }
        }
        long tag = service.registryEntryID();
        IORegistryEntry server = registry.createEntry(DriverKitKeys.IO_USER_SERVER,
                "IOUserServer(" + serverName + "-0x" + Long.toHexString(tag) + ")");
        server.setProperty(DriverKitKeys.IO_USER_SERVER_NAME, OSString.of(serverName));
        server.setProperty(DriverKitKeys.IO_USER_SERVER_TAG, OSNumber.of64(tag));
        server.setProperty(DriverKitKeys.IO_ASSOCIATED_SERVICES, OSArray.of());
        host.record(DRIVERKIT_LAUNCH, host.path(service), "server", serverName, "tag", "0x" + Long.toHexString(tag),
                "bundle", bundleId);
        IORegistryEntry root = UserResources.serviceRoot(registry).orElse(registry.root());
        host.attach(server, root);
        server.setState(new EntryState(true, true, true, true, 0, 0, -1));
        return server;
    }

    /** IOUserServer::serviceAttach: IOAssociatedServices, IOUserClasses, and the IOUserClass name again. */
    private void serviceAttach(IORegistryEntry server, IORegistryEntry service) {
        serverOf.put(service, server);
        List<OSObject> ids = new ArrayList<>(associated(server));
        ids.add(OSNumber.of64(service.registryEntryID()));
        server.setProperty(DriverKitKeys.IO_ASSOCIATED_SERVICES, OSArray.of(ids));
        Optional<String> userClass = DextPersonality.string(service.property(DriverKitKeys.IO_USER_CLASS));
        if (userClass.isPresent() && registry.classes().knows(userClass.get())) {
            // The dext-side chain is the server's registered classes; we know it when a plugin defined it.
            List<OSObject> chain = new ArrayList<>();
            for (String c : registry.classes().chain(userClass.get())) {
                if (!"IORegistryEntry".equals(c)) {   // on the dext side IOService derives from OSObject
                    chain.add(OSString.of(c));
                }
            }
            service.setProperty(DriverKitKeys.IO_USER_CLASSES, OSArray.of(chain));
        }
        host.record(DRIVERKIT_SERVICE_ATTACH, host.path(service), "server", server.name(),
                "class", service.className(), "userClass", userClass.orElse(""));
    }

    private static List<OSObject> associated(IORegistryEntry server) {
        return server.property(DriverKitKeys.IO_ASSOCIATED_SERVICES) instanceof OSArray a ? a.items() : List.of();
    }

    /** The registry entry of an associated-service ID (for views that follow IOAssociatedServices). */
    public static Optional<IORegistryEntry> associatedService(IORegistry registry, OSObject id) {
        return id instanceof OSNumber n ? registry.entry(n.value()) : Optional.empty();
    }

    /** The personality a dext service was matched with, if it is one. */
    public static Optional<OSDictionary> matchedPersonality(IORegistryEntry service) {
        return service.property(DriverKitKeys.IO_MATCHED_PERSONALITY) instanceof OSDictionary d
                ? Optional.of(d) : Optional.empty();
    }
}
