package dev.ioscope.engine.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of the emulation, as the journal records it.
 *
 * @param seq     position in the journal, from 0
 * @param t       virtual time, ns
 * @param kind    what happened: a {@link JournalKind}, or a plugin's own {@link EventKind}
 * @param entry   the registry path the event is about (IOService plane), or "" when none
 * @param details further facts in words, in a fixed order (class, personality, score, reason, ...)
 */
public record JournalEvent(long seq, long t, EventKind kind, String entry, Map<String, String> details) {
    public JournalEvent {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** One text line: {@code #12 t=3000 match.reject IOService:/… personality="…" reason="…"}. */
    public String line() {
        StringBuilder sb = new StringBuilder();
        sb.append('#').append(seq).append(" t=").append(t).append(' ').append(kind.id());
        if (!entry.isEmpty()) {
            sb.append(' ').append(entry);
        }
        details.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(v).append('"'));
        return sb.toString();
    }
}
