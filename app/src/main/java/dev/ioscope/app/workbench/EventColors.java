package dev.ioscope.app.workbench;

import javafx.scene.paint.Color;

/**
 * One colour per family of journal event (docs/scenarios.md, "Event kinds"), shared by the timeline strip and
 * the event list so both read the same way. Failures are red whatever their family.
 */
final class EventColors {
    private EventColors() {
    }

    static Color of(String kind) {
        if (kind.endsWith("-failed") || kind.endsWith(".error") || kind.equals("probe.fail")) {
            return Color.web("#d62728");
        }
        if (kind.equals("match.reject") || kind.equals("probe.refuse")) {
            return Color.web("#e377c2");
        }
        if (kind.equals("match.category-taken")) {
            return Color.web("#bcbd22");
        }
        String family = kind.contains(".") ? kind.substring(0, kind.indexOf('.')) : kind;
        return switch (family) {
            case "kext" -> Color.web("#9467bd");
            case "registry" -> Color.web("#1f77b4");
            case "match" -> Color.web("#17becf");
            case "probe" -> Color.web("#ff7f0e");
            case "service" -> kind.contains("terminate") || kind.equals("service.stop")
                    ? Color.web("#8c564b") : Color.web("#2ca02c");
            case "property" -> Color.web("#d4a017");
            case "power" -> Color.web("#393b79");
            case "userclient" -> Color.web("#637939");
            default -> Color.web("#7f7f7f");   // notify, clock
        };
    }
}
