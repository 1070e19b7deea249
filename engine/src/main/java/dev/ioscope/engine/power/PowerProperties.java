package dev.ioscope.engine.power;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;

/** The {@code IOPowerManagement} registry property as ioreg shows it (rule P2, IOServicePM::gatedSerialize). */
final class PowerProperties {
    private PowerProperties() {
    }

    /** Keeps the IOPowerManagement property as ioreg shows it (keys in ioreg's sorted order). */
    static void publish(PowerManager pm, PowerNode n) {
        if (n.table == null) {
            return;
        }
        OSDictionary.Builder b = OSDictionary.builder();
        if (n.tickles > 0) {
            b.put("ActivityTickles", OSNumber.of32(n.tickles));
        }
        b.put("CapabilityFlags", OSNumber.of32(n.table.get(n.current).capabilityFlags() & 0xffffffffL));
        b.put("ChildrenPowerState", OSNumber.of32(pm.childrenDesire(n)));
        b.put("CurrentPowerState", OSNumber.of32(n.current));
        int desired = n.parent == null || n.parent.table == null ? pm.desired(n)
                : n.table.limit(pm.desired(n), n.parent.supply());
        if (desired != n.current) {
            b.put("DesiredPowerState", OSNumber.of32(desired));
        }
        if (n.deviceDesire >= 0) {
            b.put("DevicePowerState", OSNumber.of32(n.deviceDesire));
        }
        if (n.driverDesire >= 0) {
            b.put("DriverPowerState", OSNumber.of32(n.driverDesire));
        }
        if (n.idlePeriodS > 0) {
            // gatedSerialize: fNextIdleTimerPeriod (seconds) * 1000
            b.put("IdleTimerPeriod", OSNumber.of32(n.idlePeriodS * 1000L));
        }
        b.put("MaxPowerState", OSNumber.of32(n.table.lastOrdinal()));   // gatedSerialize: NumberOfPowerStates - 1
        n.entry.setProperty("IOPowerManagement", b.build());
    }
}
