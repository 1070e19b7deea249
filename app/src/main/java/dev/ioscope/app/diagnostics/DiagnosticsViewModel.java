package dev.ioscope.app.diagnostics;

import dev.ioscope.engine.registry.IOKitDiagnostics;
import dev.ioscope.engine.registry.IOKitDiagnostics.ClassCount;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.NumberFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The registry root's IOKitDiagnostics as a table (docs/explorer.md, "IOKit diagnostics"): every class with its
 * instance count, filtered by a piece of the class name, the top N of what the filter leaves for the chart, and
 * the allocation figures in one line. The source is a real snapshot's property or a running machine's live one.
 */
public final class DiagnosticsViewModel {
    private final ObjectProperty<IOKitDiagnostics> source = new SimpleObjectProperty<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final IntegerProperty topN = new SimpleIntegerProperty(15);
    private final ObservableList<ClassCount> rows = FXCollections.observableArrayList();
    private final ObservableList<ClassCount> top = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper figures = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public DiagnosticsViewModel() {
        source.addListener((o, a, b) -> refresh());
        filter.addListener((o, a, b) -> refresh());
        topN.addListener((o, a, b) -> refresh());
        refresh();
    }

    public ObjectProperty<IOKitDiagnostics> sourceProperty() {
        return source;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public IntegerProperty topNProperty() {
        return topN;
    }

    /** The classes the filter keeps, in the dictionary's order (the table sorts its own view of them). */
    public ObservableList<ClassCount> rows() {
        return rows;
    }

    /** The classes with most instances among {@link #rows()}, most first, at most {@link #topNProperty()}. */
    public ObservableList<ClassCount> top() {
        return top;
    }

    /** "Instance allocation 5,252,992 B · ..." or why there is nothing. */
    public ReadOnlyStringProperty figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** "910 classes (37 shown) · 75,361 counted" and any problem the property had. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    private void refresh() {
        IOKitDiagnostics d = source.get();
        if (d == null) {
            rows.clear();
            top.clear();
            figures.set("This registry has no IOKitDiagnostics at its root.");
            summary.set("");
            return;
        }
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        List<ClassCount> kept = d.classes().stream()
                .filter(c -> f.isEmpty() || c.className().toLowerCase(Locale.ROOT).contains(f)).toList();
        rows.setAll(kept);
        top.setAll(kept.stream().sorted(Comparator.comparingLong(ClassCount::instances).reversed()
                .thenComparing(ClassCount::className)).limit(Math.max(1, topN.get())).toList());
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        d.figures().forEach(x -> sb.append(sb.length() == 0 ? "" : "  ·  ").append(x.key()).append(' ')
                .append(n.format(x.bytes())).append(" B"));
        figures.set(sb.length() == 0 ? "No allocation figures (the emulated machine does not model kalloc)."
                : sb.toString());
        String s = n.format(d.classes().size()) + " classes (" + n.format(kept.size()) + " shown)  ·  "
                + n.format(kept.stream().mapToLong(ClassCount::instances).sum()) + " counted";
        summary.set(d.problems().isEmpty() ? s : s + "  ·  " + String.join("; ", d.problems()));
    }
}
