package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.MACH_SEND_INVALID_DEST;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnMessageTooLarge;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnUnsupported;

import java.util.List;
import java.util.Set;

/**
 * The kernel half of a connection ({@code IOUserClient}). An emulated driver subclasses it and passes its method
 * table; the base {@link #externalMethod} runs {@code dispatchExternalMethod} over that table. Defaults follow
 * {@code IOUserClient.cpp}: {@code clientClose} and {@code clientMemoryForType} and {@code registerNotificationPort}
 * answer kIOReturnUnsupported; {@code clientDied} calls {@code clientClose}.
 */
public abstract class IOUserClient {
    /**
     * What {@code clientMemoryForType} hands back: an IOReturn and, on success, the memory to map and the driver's
     * mapping options (e.g. kIOMapReadOnly; those above kIOMapUserOptionsMask hold whatever the caller asks, MD10).
     */
    public record ClientMemory(int result, IOMemoryDescriptor memory, int options) {
        public ClientMemory(int result, IOMemoryDescriptor memory) {
            this(result, memory, 0);
        }
    }

    private final int type;
    private final List<IOExternalMethodDispatch> methods;
    private VirtualTimeSink time;
    private Set<String> entitlements = Set.of();
    private boolean closed;
    private long calls;

    protected IOUserClient(int type, List<IOExternalMethodDispatch> methods) {
        this.type = type;
        this.methods = methods == null ? null : List.copyOf(methods);
    }

    /** The type passed to {@code IOServiceOpen}. */
    public int type() {
        return type;
    }

    public List<IOExternalMethodDispatch> methods() {
        return methods;
    }

    /** Attached by {@link IOKitUser#serviceOpen}: the owning task's entitlements and the virtual clock. */
    final void attach(Set<String> taskEntitlements, VirtualTimeSink sink) {
        this.entitlements = Set.copyOf(taskEntitlements);
        this.time = sink;
    }

    /** The virtual clock this connection completes async work on. */
    protected VirtualTimeSink time() {
        return time;
    }

    public boolean isClosed() {
        return closed;
    }

    /** How many calls reached {@link #externalMethod} (all checks included). */
    public long calls() {
        return calls;
    }

    final int callExternalMethod(int selector, IOExternalMethodArguments args) {
        calls++;
        return externalMethod(selector, args);
    }

    /** {@code IOUserClient2022::externalMethod} → {@code dispatchExternalMethod(selector, args, table, this, 0)}. */
    public int externalMethod(int selector, IOExternalMethodArguments args) {
        return ExternalMethods.dispatchExternalMethod(selector, args, methods, this, null, entitlements);
    }

    /** {@code IOUserClient::clientClose}: the base answers kIOReturnUnsupported; drivers override. */
    public int clientClose() {
        return kIOReturnUnsupported;
    }

    /** {@code IOUserClient::clientDied}: the owning task went away; calls {@link #clientClose} once. */
    public int clientDied() {
        return clientClose();
    }

    /** {@code IOUserClient::clientMemoryForType}. */
    public ClientMemory clientMemoryForType(int memoryType) {
        return new ClientMemory(kIOReturnUnsupported, null);
    }

    /** {@code IOUserClient::registerNotificationPort}. */
    public int registerNotificationPort(NotificationPort port, int portType, long refCon) {
        return kIOReturnUnsupported;
    }

    /** Closes once ({@code is_io_service_close} guards with a compare-and-swap on {@code closed}). */
    final boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    /**
     * {@code sendAsyncResult64}: more than {@code kMaxAsyncArgs} (16) arguments → kIOReturnMessageTooLarge; a
     * closed connection's port is dead → MACH_SEND_INVALID_DEST; otherwise the completion message is queued and
     * the client's callback runs later on virtual time.
     */
    public int sendAsyncResult64(AsyncReference reference, int result, long... args) {
        if (args.length > 16) {
            return kIOReturnMessageTooLarge;
        }
        if (closed || reference == null) {
            return MACH_SEND_INVALID_DEST;
        }
        long[] copy = args.clone();
        time.after(0, "async completion " + Long.toHexString(reference.id()) + " result 0x"
                + Integer.toHexString(result), () -> reference.callback().completed(reference.refcon(), result, copy,
                        time.now()));
        return kIOReturnSuccess;
    }
}
