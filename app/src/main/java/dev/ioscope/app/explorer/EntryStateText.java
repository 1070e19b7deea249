package dev.ioscope.app.explorer;

import dev.ioscope.engine.registry.IORegistryEntry;

/** The tree's "Busy · Retain" column text for an entry. */
final class EntryStateText {
    private EntryStateText() {
    }

    /**
     * Compact state under the header "Busy · Retain": a settled service (registered, matched, active) shows only
     * its busy count and retain count; anything unusual is spelled out first, as ioreg prints it.
     */
    static String shortState(IORegistryEntry e) {
        var s = e.state();
        StringBuilder sb = new StringBuilder();
        if (s.service()) {
            if (!s.registered()) {
                sb.append("!registered ");
            }
            if (!s.matched()) {
                sb.append("!matched ");
            }
            if (!s.active()) {
                sb.append("inactive ");
            }
            sb.append(s.busyState());
        }
        if (s.retainCount() >= 0) {
            sb.append(" · ").append(s.retainCount());
        }
        return sb.toString();
    }
}
