package dev.ioscope.app.ui;

import javafx.scene.Node;
import javafx.scene.control.Cell;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;

import java.util.ArrayList;
import java.util.List;

/** The visible cells under a node whose tooltip does not hold their whole text ("every cut cell has a tooltip"). */
public final class CellTexts {
    private CellTexts() {
    }

    /** The text a cell shows: its own, else its graphic label's (a cell drawing a swatch and a label). */
    static String shown(Cell<?> c) {
        if (c.getText() != null) {
            return c.getText();
        }
        if (c.getGraphic() != null) {
            for (Node n : c.getGraphic().lookupAll(".label")) {
                if (n instanceof Label l && l.getText() != null && !l.getText().isEmpty()) {
                    return l.getText();
                }
            }
        }
        return "";
    }

    /** Descriptions of the non-empty visible cells under {@code query} with no tooltip holding their text. */
    public static List<String> withoutFullTextTooltip(FxRobot robot, String query) {
        List<String> out = new ArrayList<>();
        int seen = 0;
        for (Node n : robot.lookup(query).queryAll()) {
            if (!(n instanceof Cell<?> c) || c.isEmpty() || !c.isVisible()) {
                continue;
            }
            String text = shown(c);
            if (text.isBlank()) {
                continue;
            }
            seen++;
            // a FullTextCell makes its tooltip on first hover; other cells carry theirs
            String full = FullTextCell.fullText(c) != null ? FullTextCell.fullText(c)
                    : c.getTooltip() != null ? c.getTooltip().getText() : null;
            if (full == null || !full.contains(text)) {
                out.add(query + ": " + text);
            }
        }
        if (seen == 0) {
            out.add(query + ": no cell with text");
        }
        return out;
    }
}
