package dev.ioscope.engine.sim;

import java.util.Map;

/**
 * One step of the emulation, as the journal records it.
 *
 * @param seq     position in the journal, from 0
 * @param t       virtual time, ns
 * @param kind    dotted kind, e.g. {@code match.reject}, {@code service.start} (docs/scenarios.md lists them)
 * @param entry   the registry path the event is about (IOService plane), or "" when none
 * @param details further facts in words, in a fixed order (class, personality, score, reason, ...)
 */
public record JournalEvent(long seq, long t, String kind, String entry, Map<String, String> details) {
    public JournalEvent {
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    /** One text line: {@code #12 t=3000 match.reject IOService:/… personality="…" reason="…"}. */
    public String line() {
        StringBuilder sb = new StringBuilder();
        sb.append('#').append(seq).append(" t=").append(t).append(' ').append(kind);
        if (!entry.isEmpty()) {
            sb.append(' ').append(entry);
        }
        details.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(v).append('"'));
        return sb.toString();
    }
}
