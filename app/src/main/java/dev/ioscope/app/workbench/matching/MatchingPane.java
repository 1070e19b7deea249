package dev.ioscope.app.workbench.matching;

import dev.ioscope.app.ui.Styles;
import dev.ioscope.app.workbench.SessionEvent;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.service.KeyVerdict;
import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.sim.CandidateVerdict;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Callback;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Matching of the selected provider at the current step: candidates ranked as probeCandidates orders them,
 * each expandable into the engine's key-by-key explain and the journal's probe/start outcome; and "why not?"
 * for any personality in the catalogue.
 */
public final class MatchingPane extends BorderPane {
    private final WorkbenchViewModel vm;
    private final Label header = new Label("Select a provider in the registry tree");
    private final TreeTableView<MatchRow> table = new TreeTableView<>();
    private final ComboBox<Personality> personalities = new ComboBox<>();
    private final TreeTableView<MatchRow> whyNot = new TreeTableView<>();
    /** The selected row in full: long IOPCIMatch verdicts do not fit a cell. */
    private final Label detail = new Label();

    public MatchingPane(WorkbenchViewModel vm) {
        this.vm = vm;
        header.setId("matchHeader");
        header.getStyleClass().add("workbench-title");
        header.setWrapText(true);
        table.setId("matchTable");
        setUp(table);
        table.setPlaceholder(new Label("No candidates: select a provider in the tree, or load kexts"));
        MenuItem why = new MenuItem("Why Not? (full explain)");
        why.setOnAction(e -> {
            TreeItem<MatchRow> it = table.getSelectionModel().getSelectedItem();
            if (it != null && it.getValue().personality() != null) {
                vm.whyNot(it.getValue().personality());
            }
        });
        table.setContextMenu(new ContextMenu(why));

        personalities.setId("whyNotPersonality");
        personalities.setPromptText("any personality in the catalogue…");
        personalities.setMaxWidth(Double.MAX_VALUE);
        Callback<ListView<Personality>, ListCell<Personality>> cells = v -> new ListCell<>() {
            @Override
            protected void updateItem(Personality p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name() + "  (" + p.bundle() + ", on " + p.providerClass() + ")");
            }
        };
        personalities.setCellFactory(cells);
        personalities.setButtonCell(cells.call(null));
        HBox.setHgrow(personalities, Priority.ALWAYS);
        Button ask = new Button("Why not?");
        ask.setMinWidth(Region.USE_PREF_SIZE);
        ask.setId("whyNot");
        ask.disableProperty().bind(personalities.valueProperty().isNull());
        ask.setOnAction(e -> vm.whyNot(personalities.getValue()));
        whyNot.setId("whyNotTable");
        setUp(whyNot);
        whyNot.setPlaceholder(new Label("Pick a personality and ask why (not)"));

        vm.matchingProperty().addListener((o, a, m) -> show(m));
        vm.whyNotProperty().addListener((o, a, t) -> showWhyNot(t));

        detail.setId("matchDetail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.setPadding(new Insets(2, 4, 2, 4));
        for (TreeTableView<MatchRow> t : List.of(table, whyNot)) {
            t.getSelectionModel().selectedItemProperty().addListener((o, a, it) -> {
                MatchRow r = it == null ? null : it.getValue();
                detail.setText(r == null ? "" : String.join("  ·  ", Stream.of(r.name(),
                        r.verdict(), r.score(), r.category(), r.bundle())
                        .filter(x -> x != null && !x.isEmpty()).toList()));
            });
        }
        VBox bottom = new VBox(4, detail, new HBox(6, personalities, ask), whyNot);
        VBox.setVgrow(whyNot, Priority.ALWAYS);
        bottom.setPadding(new Insets(4, 0, 0, 0));
        SplitPane split = new SplitPane(table, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setTop(header);
        setCenter(split);
    }

    TreeTableView<MatchRow> table() {
        return table;
    }

    private void show(SessionEvent.Matched m) {
        if (m == null) {
            return;
        }
        String of = m.requested().equals(m.providerPath()) ? "" : "  (the provider of the selected driver)";
        String when = m.journaled() ? "its last matching round" : "not matched yet: what matching would decide now";
        header.setText("Matching " + m.providerPath() + "  <" + m.providerClass() + ">" + of + ":  "
                + m.candidates().size() + " candidate(s) (" + when + "), " + m.catalogue().size()
                + " personalities in the catalogue");
        TreeItem<MatchRow> root = new TreeItem<>();
        for (CandidateVerdict v : m.candidates()) {
            TreeItem<MatchRow> c = new TreeItem<>(MatchRow.candidate(v));
            for (MatchRow r : MatchRow.details(v.trace(), v.events())) {
                c.getChildren().add(new TreeItem<>(r));
            }
            c.setExpanded(m.candidates().size() <= 3);
            root.getChildren().add(c);
        }
        table.setRoot(root);
        Personality keep = personalities.getValue();
        personalities.getItems().setAll(m.catalogue());
        if (keep != null && m.catalogue().contains(keep)) {
            personalities.setValue(keep);
        }
    }

    private void showWhyNot(MatchingTrace t) {
        if (t == null) {
            whyNot.setRoot(null);
            return;
        }
        if (personalities.getItems().contains(t.personality())) {
            personalities.setValue(t.personality());
        }
        TreeItem<MatchRow> root = new TreeItem<>();
        TreeItem<MatchRow> c = new TreeItem<>(MatchRow.explained(t));
        MatchRow.details(t, List.of()).forEach(r -> c.getChildren().add(new TreeItem<>(r)));
        c.setExpanded(true);
        root.getChildren().add(c);
        whyNot.setRoot(root);
    }

    private static void setUp(TreeTableView<MatchRow> t) {
        t.setShowRoot(false);
        t.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY);
        // the verdict names who or what decided it ("outranked by AppleIntelCNLUSBXHCI"): it gets the most room
        t.getColumns().add(column("Personality / key", 170, MatchRow::name));
        t.getColumns().add(column("Verdict", 260, MatchRow::verdict));
        t.getColumns().add(column("Score", 50, MatchRow::score));
        t.getColumns().get(2).setMinWidth(48);
        t.getColumns().add(column("Category", 80, MatchRow::category));
        t.getColumns().add(column("Bundle / detail", 200, MatchRow::bundle));
    }

    private static TreeTableColumn<MatchRow, String> column(String title, double width, Function<MatchRow, String> f) {
        TreeTableColumn<MatchRow, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().getValue() == null ? ""
                : f.apply(d.getValue().getValue())));
        c.setCellFactory(col -> new VerdictCell());
        return c;
    }

    static final List<String> VERDICT_CLASSES = List.of(Styles.VERDICT_MATCH, Styles.VERDICT_NO_MATCH,
            Styles.VERDICT_OTHER, Styles.VERDICT_DETAIL, Styles.VERDICT_STRONG);

    /** Green for a satisfied key or a winner, red for a failed key or a rejection (style classes, so a selected
     *  row can read them on the selection colour in either theme). */
    static List<String> styleClasses(MatchRow r) {
        if (r.outcome() == KeyVerdict.Outcome.MATCH) {
            return List.of(Styles.VERDICT_MATCH);
        }
        if (r.outcome() == KeyVerdict.Outcome.NO_MATCH) {
            return List.of(Styles.VERDICT_NO_MATCH);
        }
        if (r.kind() != null) {
            return switch (r.kind()) {
                case WINNER -> List.of(Styles.VERDICT_MATCH, Styles.VERDICT_STRONG);
                case REJECTED, START_FAILED, PROBE_REFUSED -> List.of(Styles.VERDICT_NO_MATCH, Styles.VERDICT_STRONG);
                default -> List.of(Styles.VERDICT_OTHER, Styles.VERDICT_STRONG);
            };
        }
        if (r.personality() != null) {   // "why not?": the passive match only
            return List.of(r.matched() ? Styles.VERDICT_MATCH : Styles.VERDICT_NO_MATCH, Styles.VERDICT_STRONG);
        }
        return List.of(Styles.VERDICT_DETAIL);
    }
}
