package dev.ioscope.engine.power;

/** The power state ordinals a driver's calls pass, checked as IOServicePM.cpp checks them (rules PM5, PM20). */
final class PowerOrdinals {
    /** requestPowerState refuses a state above UINT_MAX (kIOReturnBadArgument). */
    static final long UINT_MAX = 0xffff_ffffL;

    private PowerOrdinals() {
    }

    /** A service with a power driver and an ordinal inside its table, or an exception naming the problem. */
    static int checked(PowerNode n, int state) {
        if (n.table == null) {
            throw new IllegalStateException(n.path + " has no power driver");
        }
        if (state < 0 || state > n.table.lastOrdinal()) {
            throw new IllegalArgumentException(n.path + ": power state " + state + " is not in 0.."
                    + n.table.lastOrdinal());
        }
        return state;
    }

    /**
     * requestPowerState / handleRequestPowerState (rule PM5): an ordinal above UINT_MAX (a negative one, as C's
     * unsigned long) is kIOReturnBadArgument; one at or beyond the table's end is taken as fHighestPowerState.
     */
    static int requested(PowerNode n, long state) {
        checked(n, 0);
        if (state < 0 || state > UINT_MAX) {
            throw new IllegalArgumentException(n.path + ": power state " + state
                    + " is above UINT_MAX — requestPowerState returns kIOReturnBadArgument");
        }
        return state > n.table.lastOrdinal() ? n.table.highest() : (int) state;
    }
}
