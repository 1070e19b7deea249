package dev.ioscope.engine.service;

import dev.ioscope.engine.os.OSDictionary;

/**
 * The per-table facts matching works out once: the generic keys ({@link PassiveMatcher}) and each family's key
 * plan. Kept in the table's own slot ({@link OSDictionary#matchingPlans()}), so finding them costs one field read
 * instead of a hash lookup per (nub, personality) pair. Tables are immutable, so plans never go stale.
 */
public final class TablePlans {
    final PassiveMatcher.KeyPlan generic;
    /** A family matcher's own plan for this table (USB, HID, ...); set and read by that matcher only. */
    public volatile Object usb;
    public volatile Object hid;

    private TablePlans(OSDictionary t) {
        this.generic = new PassiveMatcher.KeyPlan(t);
    }

    /** The plans of a table, built on first use. */
    public static TablePlans of(OSDictionary t) {
        Object p = t.matchingPlans();
        if (p instanceof TablePlans tp) {
            return tp;
        }
        TablePlans tp = new TablePlans(t);
        t.matchingPlans(tp);
        return tp;
    }
}
