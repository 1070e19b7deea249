package dev.ioscope.app.workbench;

import static dev.ioscope.engine.journal.JournalKind.MATCH_CATEGORY_TAKEN;
import static dev.ioscope.engine.journal.JournalKind.MATCH_REJECT;
import static dev.ioscope.engine.journal.JournalKind.PROBE_FAIL;
import static dev.ioscope.engine.journal.JournalKind.PROBE_REFUSE;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_DID_TERMINATE;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_STOP;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_STOP_DEFERRED;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_TERMINATE;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_WILL_TERMINATE;

import dev.ioscope.engine.journal.EventKind;

import javafx.scene.paint.Color;

/**
 * One colour per family of journal event (docs/scenarios.md, "Event kinds"), shared by the timeline strip and
 * the event list so both read the same way. Failures are red whatever their family.
 */
final class EventColors {
    private EventColors() {
    }

    static Color of(EventKind kind) {
        String id = kind.id();
        // failures by their names' convention, so a plugin's own failure kinds are red too
        if (id.endsWith("-failed") || id.endsWith(".error") || kind == PROBE_FAIL) {
            return Color.web("#d62728");
        }
        if (kind == MATCH_REJECT || kind == PROBE_REFUSE) {
            return Color.web("#e377c2");
        }
        if (kind == MATCH_CATEGORY_TAKEN) {
            return Color.web("#bcbd22");
        }
        return switch (kind.family()) {
            case "kext" -> Color.web("#9467bd");
            case "registry" -> Color.web("#1f77b4");
            case "match" -> Color.web("#17becf");
            case "probe" -> Color.web("#ff7f0e");
            case "service" -> kind == SERVICE_TERMINATE || kind == SERVICE_WILL_TERMINATE
                    || kind == SERVICE_DID_TERMINATE || kind == SERVICE_STOP || kind == SERVICE_STOP_DEFERRED
                    ? Color.web("#8c564b") : Color.web("#2ca02c");
            case "property" -> Color.web("#d4a017");
            case "power" -> Color.web("#393b79");
            case "userclient" -> Color.web("#637939");
            default -> Color.web("#7f7f7f");   // notify, clock
        };
    }
}
