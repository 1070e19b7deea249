package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnUnsupported;

import java.util.Set;

/**
 * The user-space entry point: {@code IOServiceOpen(service, task, type, &connect)} for one emulated task with its
 * entitlements and virtual clock.
 */
public final class IOKitUser {
    private final Set<String> entitlements;
    private final VirtualTimeSink time;

    public IOKitUser(Set<String> entitlements, VirtualTimeSink time) {
        this.entitlements = Set.copyOf(entitlements);
        this.time = time;
    }

    /** The result of {@link #serviceOpen}: an IOReturn and, on success, the connection. */
    public record OpenResult(int result, IOConnect connect) {
    }

    /**
     * {@code IOServiceOpen}: asks the service for a user client of {@code type}; a failure code comes back
     * unchanged, a null client with success is treated as kIOReturnUnsupported.
     */
    public OpenResult serviceOpen(UserClientProvider service, int type) {
        if (service == null) {
            return new OpenResult(kIOReturnUnsupported, null);
        }
        UserClientProvider.NewUserClient n = service.newUserClient(type);
        if (n.result() != kIOReturnSuccess) {
            return new OpenResult(n.result(), null);
        }
        if (n.client() == null) {
            return new OpenResult(kIOReturnUnsupported, null);
        }
        n.client().attach(entitlements, time);
        return new OpenResult(kIOReturnSuccess, new IOConnect(n.client(), time));
    }
}
