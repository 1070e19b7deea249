package dev.ioscope.engine.snapshot.xml;

import dev.ioscope.engine.registry.EntryState;

import java.util.Set;

/**
 * The keys {@code ioreg -a} adds to each entry's property dictionary (IOKitTools ioreg.c, {@code archive()}),
 * in the order it sets them, and the IOService state bits it copies from IOServiceGetBusyStateAndTime.
 *
 * <p>ioreg.c: IORegistryEntryName (name in the plane), IORegistryEntryLocation (only when the entry has a
 * location in the plane), IORegistryEntryID (SInt64), IOObjectClass, IOObjectInheritance (only with -i: the
 * superclass chain root first, leaf last, OSObject left out), IOObjectRetainCount (SInt32), and for objects
 * that conform to IOService: IOServiceState (SInt64 state bits), IOServiceBusyState (SInt32 busy count),
 * IOServiceBusyTime (SInt64 accumulated busy time in nanoseconds; ioreg's text shows it divided by
 * kMillisecondScale). archive_scan() adds IORegistryEntryChildren (an array) when the entry has children.
 */
final class IoregKeys {
    static final String NAME = "IORegistryEntryName";
    static final String LOCATION = "IORegistryEntryLocation";
    static final String ID = "IORegistryEntryID";
    static final String CLASS = "IOObjectClass";
    static final String INHERITANCE = "IOObjectInheritance";
    static final String RETAIN_COUNT = "IOObjectRetainCount";
    static final String SERVICE_STATE = "IOServiceState";
    static final String BUSY_STATE = "IOServiceBusyState";
    static final String BUSY_TIME = "IOServiceBusyTime";
    static final String CHILDREN = "IORegistryEntryChildren";

    static final Set<String> SYNTHETIC = Set.of(NAME, LOCATION, ID, CLASS, INHERITANCE, RETAIN_COUNT,
            SERVICE_STATE, BUSY_STATE, BUSY_TIME, CHILDREN);

    /** IOService.h state bits as IOServiceGetState reports them. */
    static final long INACTIVE = 0x1;
    static final long REGISTERED = 0x2;
    static final long MATCHED = 0x4;
    static final long FIRST_PUBLISH = 0x8;
    static final long FIRST_MATCH = 0x10;

    static final long NANOS_PER_MS = 1_000_000L;

    /** Snapshot-info key of the exact IOServiceState bits (EntryState keeps only three of them). */
    static final String RAW_STATE = SERVICE_STATE;
    /** Snapshot-info key of the exact busy time in ns (EntryState keeps milliseconds). */
    static final String RAW_BUSY_TIME_NS = BUSY_TIME;

    private IoregKeys() {
    }

    /** State bits for an EntryState with no recorded raw bits: a registered service was also first published. */
    static long stateBits(EntryState s) {
        long bits = s.active() ? 0 : INACTIVE;
        if (s.registered()) {
            bits |= REGISTERED | FIRST_PUBLISH;
        }
        if (s.matched()) {
            bits |= MATCHED | FIRST_MATCH;
        }
        return bits;
    }

    /** True if raw state bits say the same as the EntryState's three flags. */
    static boolean agrees(long bits, EntryState s) {
        return ((bits & INACTIVE) == 0) == s.active() && ((bits & REGISTERED) != 0) == s.registered()
                && ((bits & MATCHED) != 0) == s.matched();
    }
}
