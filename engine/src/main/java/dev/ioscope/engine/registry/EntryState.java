package dev.ioscope.engine.registry;

/**
 * The state {@code ioreg} and IORegistryExplorer show in an entry's header: whether it is an IOService and,
 * if so, registered / matched / active and its busy count and time; plus the kernel retain count.
 *
 * @param service      the entry conforms to IOService (only services have the flags below)
 * @param registered   kIOServiceRegisteredState
 * @param matched      kIOServiceMatchedState
 * @param active       not terminated (kIOServiceInactiveState clear)
 * @param busyState    IOService::getBusyState()
 * @param busyTimeMs   accumulated busy time in ms as ioreg prints it, or -1 when the snapshot does not say
 * @param retainCount  kernel retain count, or -1 when unknown
 */
public record EntryState(boolean service, boolean registered, boolean matched, boolean active,
                         int busyState, long busyTimeMs, int retainCount) {

    /** A plain registry entry (not an IOService) with an unknown retain count. */
    public static final EntryState PLAIN = new EntryState(false, false, false, false, 0, -1, -1);

    /** A registered, matched, active, idle service: the state of most entries in a settled registry. */
    public static EntryState settledService(int retainCount) {
        return new EntryState(true, true, true, true, 0, 0, retainCount);
    }

    public EntryState withRetainCount(int retain) {
        return new EntryState(service, registered, matched, active, busyState, busyTimeMs, retain);
    }

    public EntryState withBusy(int busy, long timeMs) {
        return new EntryState(service, registered, matched, active, busy, timeMs, retainCount);
    }
}
