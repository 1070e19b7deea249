package dev.ioscope.app.workbench;

import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.sim.JournalEvent;

import java.util.Map;

/**
 * The whole of one journal event, for the journal's detail pane: where it stands, when, what, the entry's full
 * path, and every detail on its own line (reasons whole, IOReturn codes with their names), as text to read and
 * copy. The journal's list shows one line per event; this is the rest of it.
 */
final class EventDetail {
    private EventDetail() {
    }

    static String text(JournalEvent e) {
        if (e == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("#").append(e.seq()).append("  ").append(e.kind().id()).append("\n");
        sb.append("time   ").append(WorkbenchViewModel.formatNs(e.t())).append("  (").append(e.t()).append(" ns)\n");
        if (!e.entry().isEmpty()) {
            sb.append("entry  ").append(e.entry()).append('\n');
        }
        int w = e.details().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, String> d : e.details().entrySet()) {
            sb.append(d.getKey()).append(" ".repeat(Math.max(1, w - d.getKey().length() + 2)))
                    .append(withReturnName(d.getValue())).append('\n');
        }
        return sb.toString();
    }

    /** {@code 0xe00002c2} → {@code 0xe00002c2 (kIOReturnBadArgument)} when the value is a named IOReturn. */
    static String withReturnName(String v) {
        if (v.length() == 10 && (v.startsWith("0x") || v.startsWith("0X"))) {
            try {
                String n = IOReturn.name(Integer.parseUnsignedInt(v.substring(2), 16));
                if (n != null) {
                    return v + " (" + n + ")";
                }
            } catch (NumberFormatException e) {
                return v;
            }
        }
        return v;
    }
}
