package dev.ioscope.app.diagnostics;

import dev.ioscope.engine.registry.IOKitDiagnostics.ClassCount;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * IOKitDiagnostics, shown: the allocation figures, a filter, a sortable table of classes and instance counts
 * (click a column header to sort), and a bar chart of the top N classes the filter keeps. Used by the explorer
 * for a snapshot and by the workbench for the running machine.
 */
public final class DiagnosticsPane extends BorderPane {
    private final TableView<ClassCount> table = new TableView<>();
    private final BarChart<Number, String> chart = new BarChart<>(new NumberAxis(), new CategoryAxis());

    public DiagnosticsPane(DiagnosticsViewModel vm) {
        setId("diagnosticsPane");
        Label figures = new Label();
        figures.setId("diagnosticsFigures");
        figures.setWrapText(true);
        figures.textProperty().bind(vm.figuresProperty());
        TextField filter = new TextField();
        filter.setId("diagnosticsFilter");
        filter.setPromptText("Filter classes");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Spinner<Integer> topN = new Spinner<>(1, 100, vm.topNProperty().get());
        topN.setId("diagnosticsTopN");
        topN.setPrefWidth(80);
        topN.valueProperty().addListener((o, a, b) -> vm.topNProperty().set(b));
        Label summary = new Label();
        summary.setId("diagnosticsSummary");
        summary.textProperty().bind(vm.summaryProperty());
        HBox tools = new HBox(6, filter, new Label("Chart top"), topN);
        tools.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox top = new VBox(4, figures, tools, summary);
        top.setPadding(new Insets(6));
        setTop(top);

        table.setId("diagnosticsTable");
        TableColumn<ClassCount, String> cls = new TableColumn<>("Class");
        cls.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().className()));
        cls.setPrefWidth(260);
        TableColumn<ClassCount, Number> n = new TableColumn<>("Instances");
        n.setCellValueFactory(c -> new ReadOnlyLongWrapper(c.getValue().instances()));
        n.setStyle("-fx-alignment: CENTER-RIGHT;");
        n.setPrefWidth(100);
        table.getColumns().add(cls);
        table.getColumns().add(n);
        SortedList<ClassCount> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No class"));

        chart.setId("diagnosticsChart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setTitle("Instances, top classes");
        vm.top().addListener((ListChangeListener<ClassCount>) c -> fillChart(vm));
        fillChart(vm);
        SplitPane split = new SplitPane(table, chart);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.45);
        setCenter(split);
    }

    private void fillChart(DiagnosticsViewModel vm) {
        XYChart.Series<Number, String> s = new XYChart.Series<>();
        // the category axis runs bottom-up: add the smallest first so the largest bar is on top
        for (int i = vm.top().size() - 1; i >= 0; i--) {
            ClassCount c = vm.top().get(i);
            s.getData().add(new XYChart.Data<>(c.instances(), c.className()));
        }
        chart.getData().setAll(java.util.List.of(s));
    }

    /** The table (tests sort and read it). */
    public TableView<ClassCount> table() {
        return table;
    }

    /** The chart (tests read its bars). */
    public BarChart<Number, String> chart() {
        return chart;
    }
}
