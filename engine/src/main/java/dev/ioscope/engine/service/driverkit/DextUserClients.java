package dev.ioscope.engine.service.driverkit;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.DextPersonality;
import dev.ioscope.engine.service.DriverKitKeys;

import java.util.Optional;

/**
 * The user client a dext service makes when opened, by the DriverKit convention its personality follows: the
 * dext's NewUserClient calls {@code IOService::Create(this, "UserClientProperties", &client)}, which makes the
 * kernel object named by that dictionary's IOClass (IOUserUserClient) for the user class named by its IOUserClass,
 * with the dictionary as its properties (DK12). IOUserServer::serviceNewUserClient keeps it only when it is an
 * IOUserUserClient.
 */
public final class DextUserClients {
    /**
     * @param ioClass    the kernel class (IOUserUserClient for every DriverKit user client)
     * @param userClass  the dext-side class the client's entry is named after
     * @param properties the UserClientProperties dictionary, which the new object carries
     */
    public record DextUserClient(String ioClass, String userClass, OSDictionary properties) {
        /** serviceNewUserClient's OSDynamicCast(IOUserUserClient, uc). */
        public boolean isIOUserUserClient() {
            return DriverKitKeys.IO_USER_USER_CLIENT.equals(ioClass);
        }
    }

    private DextUserClients() {
    }

    /** The user client a started dext service's UserClientProperties describe, if it describes one. */
    public static Optional<DextUserClient> of(IORegistryEntry service) {
        if (DextPersonality.serverName(service.properties()).isEmpty()
                || !(service.property(DriverKitKeys.USER_CLIENT_PROPERTIES) instanceof OSDictionary d)) {
            return Optional.empty();
        }
        Optional<String> ioClass = DextPersonality.string(d.get("IOClass"));
        Optional<String> userClass = DextPersonality.userClass(d);
        if (ioClass.isEmpty() || userClass.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DextUserClient(ioClass.get(), userClass.get(), d));
    }
}
