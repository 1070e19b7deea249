package dev.ioscope.app.explorer;

import dev.ioscope.app.ui.Styles;
import dev.ioscope.engine.registry.IORegistryEntry;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The side panel: class chain (ClassCatalogue), ID, state, and the entry's path and link counts per plane. */
final class FactsPane extends ScrollPane {
    private final ExplorerViewModel vm;
    private final VBox box = new VBox(4);

    FactsPane(ExplorerViewModel vm) {
        this.vm = vm;
        getStyleClass().add(Styles.FACTS);
        setId("factsPane");
        box.setPadding(new Insets(8));
        setContent(box);
        setFitToWidth(true);
        vm.selectedProperty().addListener((o, a, b) -> show(b));
        vm.documentProperty().addListener((o, a, b) -> show(vm.selectedProperty().get()));
    }

    private void show(IORegistryEntry e) {
        box.getChildren().clear();
        if (e == null || vm.documentProperty().get() == null) {
            return;
        }
        EntryFacts f = vm.shown().facts(e);
        title("Class");
        for (int i = 0; i < f.classChain().size(); i++) {
            value("  ".repeat(i) + (i == 0 ? "" : "↳ ") + f.classChain().get(i));
        }
        title("Registry entry ID");
        value(f.id());
        title("State");
        value(f.state());
        for (EntryFacts.PlaneFacts p : f.planes()) {
            title(p.plane());
            value(p.path());
            value(p.parents() + (p.parents() == 1 ? " parent, " : " parents, ") + p.children()
                    + (p.children() == 1 ? " child" : " children"));
        }
        var change = vm.shown().changeOf(e);
        if (change != null) {
            title("Comparison");
            int changed = vm.shown().changes(e).size();
            value(change.name().toLowerCase() + (changed == 0 ? "" : ", " + changed
                    + " properties differ"));
        }
    }

    private void title(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.FACT_TITLE);
        box.getChildren().add(l);
    }

    private void value(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.FACT_VALUE);
        l.setWrapText(true);
        box.getChildren().add(l);
    }
}
