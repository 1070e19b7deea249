package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.RegistryDiff;
import dev.ioscope.engine.registry.IORegistryEntry;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One line of a live registry's change log: what a refresh found added, removed and changed since the read before
 * it (RegistryDiff), by entry name, as IORegistryExplorer's live view reports registry changes.
 */
public record LiveChange(LocalTime time, List<String> added, List<String> removed, List<String> changed) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Names listed per kind in a log line; the rest is counted. */
    private static final int NAMES = 5;

    public static LiveChange of(LocalTime time, RegistryDiff.Result diff) {
        return new LiveChange(time, names(diff.added()), names(diff.removed()), names(diff.changed()));
    }

    private static List<String> names(List<IORegistryEntry> entries) {
        return entries.stream().map(IORegistryEntry::name).toList();
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** {@code 17:20:05  1 removed: Mass Storage Device, …}; "no change" when the registry stayed the same. */
    public String text() {
        StringBuilder sb = new StringBuilder(TIME.format(time)).append("  ");
        if (isEmpty()) {
            return sb.append("no change").toString();
        }
        part(sb, "added", added);
        part(sb, "removed", removed);
        part(sb, "changed", changed);
        return sb.toString();
    }

    /** Appends "N kind: a, b, …", after "; " when another kind came before. */
    private static void part(StringBuilder sb, String kind, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        if (sb.charAt(sb.length() - 1) != ' ') {
            sb.append("; ");
        }
        sb.append(names.size()).append(' ').append(kind).append(": ")
                .append(String.join(", ", names.subList(0, Math.min(NAMES, names.size()))));
        if (names.size() > NAMES) {
            sb.append(", …");
        }
    }

    @Override
    public String toString() {
        return text();
    }
}
