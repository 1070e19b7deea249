package dev.ioscope.app.explorer;

import dev.ioscope.app.ui.AppIcon;
import dev.ioscope.app.ui.HoverTips;
import dev.ioscope.app.ui.Styles;
import dev.ioscope.engine.explore.RegistryDiff;
import dev.ioscope.engine.registry.IORegistryEntry;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * The banner a comparison shows above the tree: what is compared with what, the counts, how entries were matched and
 * which planes were compared; previous / next change and the position among the changes; End Comparison.
 */
final class DiffBanner extends HBox {
    DiffBanner(ExplorerViewModel vm) {
        Label text = new Label();
        text.setId("diffBanner");
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            var c = vm.comparisonProperty().get();
            return c == null ? "" : "Comparing " + c.before().title() + " (before) with " + c.after().title()
                    + " (after): " + c.diff().added().size() + " added, " + c.diff().removed().size() + " removed, "
                    + c.diff().changedCount() + " changed — matched by "
                    + (c.diff().matchedById() ? "registry ID (same boot)" : "path and class") + planeScope(c.diff());
        }, vm.comparisonProperty()));
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button prev = new Button(null, AppIcon.PREVIOUS.create());
        prev.setId("previousChange");
        HoverTips.set(prev, "Previous change (Shift+F8)");
        prev.setOnAction(e -> vm.changeSteps().previous());
        Button next = new Button(null, AppIcon.NEXT.create());
        next.setId("nextChange");
        HoverTips.set(next, "Next change (F8)");
        next.setOnAction(e -> vm.changeSteps().next());
        Label where = new Label();
        where.setId("changePosition");
        where.setMinWidth(Region.USE_PREF_SIZE);
        where.textProperty().bind(vm.changeSteps().summaryProperty());
        Button end = new Button("End Comparison");
        end.setMinWidth(Region.USE_PREF_SIZE);
        end.setOnAction(e -> vm.endComparison());
        getChildren().setAll(text, prev, next, where, end);
        getStyleClass().add(Styles.DIFF_BANNER);
        visibleProperty().bind(vm.comparisonProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }

    /**
     * When the snapshots hold different planes (a 7-plane .ioreg against a 1-plane ioreg -a file) only the shared
     * ones were compared: say which, and how many entries lie outside them, so "nothing removed" is not misread.
     */
    static String planeScope(RegistryDiff.Result d) {
        if (d.beforeOnlyPlanes().isEmpty() && d.afterOnlyPlanes().isEmpty()) {
            return "";
        }
        if (d.sharedPlanes().isEmpty()) {
            return ". The snapshots share no plane: nothing could be compared";
        }
        StringBuilder sb = new StringBuilder(". Compared in ").append(String.join(", ", d.sharedPlanes()))
                .append(" only");
        if (!d.beforeOnlyPlanes().isEmpty()) {
            sb.append("; only before has ").append(String.join(", ", d.beforeOnlyPlanes()));
        }
        if (!d.afterOnlyPlanes().isEmpty()) {
            sb.append("; only after has ").append(String.join(", ", d.afterOnlyPlanes()));
        }
        int outside = d.outsideBefore() + d.outsideAfter();
        if (outside > 0) {
            sb.append(" (").append(outside).append(outside == 1 ? " entry" : " entries").append(" not compared");
            List<IORegistryEntry> planeless = new ArrayList<>(d.planelessBefore());
            planeless.addAll(d.planelessAfter());
            if (!planeless.isEmpty()) {
                sb.append(", ").append(planeless.size() == 1 ? "1 of them" : planeless.size() + " of them")
                        .append(" in no plane: ").append(ChangeNavigator.names(planeless, false));
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
