package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.RegistryIndex;
import dev.ioscope.engine.explore.RegistrySearch;
import dev.ioscope.engine.explore.SearchField;
import dev.ioscope.engine.explore.SearchQuery;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.engine.registry.IORegistryPlane;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The search field and its advanced filters. Every change re-runs the engine search over the document's flat
 * index on a job thread (a regex over every property value of 100k entries can take longer than a frame), orders
 * the hits as the current plane's tree shows them for next/previous, and hands them to the FX thread. A query the
 * user has typed past is cancelled (the engine polls a flag) and its late result dropped, so the FX thread only
 * ever applies the newest result and never waits for a search.
 */
public final class SearchViewModel {
    private final ExplorerViewModel explorer;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty regex = new SimpleBooleanProperty(this, "regex", false);
    private final BooleanProperty advanced = new SimpleBooleanProperty(this, "advanced", false);
    private final Map<SearchField, BooleanProperty> fields = new EnumMap<>(SearchField.class);
    private final ReadOnlyObjectWrapper<RegistrySearch.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<List<IORegistryEntry>> hits = new ReadOnlyObjectWrapper<>(this, "hits",
            List.of());
    private final IntegerProperty hitIndex = new SimpleIntegerProperty(this, "hitIndex", -1);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching", false);
    /** Bumped by every run(): a result of an older generation is stale. FX thread only. */
    private long generation;
    private SearchTiming lastTiming = new SearchTiming(0, 0, 0, 0, 0, 0, 0);
    private Runnable cancelPending = () -> { };

    /** The query whose hits are shown (null when none): a query typed on searches only its hits. FX thread. */
    private SearchQuery shownQuery;
    /** The index whose background build stands aside for the running search, or null. FX thread. */
    private PendingIndex heldBack;

    /**
     * What one job-thread search hands back: the hits and, for the plane it was asked for, their tree order; the
     * times are nanoTime stamps (queued on the FX thread, then the job's start, index, search and order done).
     */
    private record Found(SearchQuery query, RegistrySearch.Result result, IORegistryPlane plane,
                         List<IORegistryEntry> ordered, long queued, long started, long indexed, long searched,
                         long sorted, long cpuNanos) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    SearchViewModel(ExplorerViewModel explorer) {
        this.explorer = explorer;
        for (SearchField f : SearchField.values()) {
            BooleanProperty p = new SimpleBooleanProperty(this, f.name(), SearchQuery.QUICK.contains(f));
            p.addListener((o, a, b) -> run());
            fields.put(f, p);
        }
        text.addListener((o, a, b) -> run());
        regex.addListener((o, a, b) -> run());
        searching.addListener((o, was, busy) -> {
            if (!busy) {
                holdBack(null);
            }
        });
    }

    /**
     * Lets {@code index}'s background build stand aside while a search on its first stage runs (on two cores it
     * would take half the machine from it), and the previously held one go on; null releases.
     */
    private void holdBack(PendingIndex index) {
        if (heldBack != null && heldBack != index) {
            heldBack.foreground(false);
        }
        heldBack = index;
        if (index != null) {
            index.foreground(true);
        }
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public BooleanProperty advancedProperty() {
        return advanced;
    }

    public BooleanProperty fieldProperty(SearchField f) {
        return fields.get(f);
    }

    public ReadOnlyObjectProperty<RegistrySearch.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Hits in the current plane's tree order (entries outside the plane are not listed). */
    public ReadOnlyObjectProperty<List<IORegistryEntry>> hitsProperty() {
        return hits.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty hitIndexProperty() {
        return hitIndex;
    }

    /** "3 of 12" / "no match" / the regex error. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True while a search runs on the job thread (tests and the benchmark wait for it to turn false). */
    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** Runs {@code r} on the FX thread once the running search (if any) has reached the window. */
    public void whenDone(Runnable r) {
        if (!searching.get()) {
            r.run();
            return;
        }
        searching.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean busy) {
                if (!busy) {
                    searching.removeListener(this);
                    r.run();
                }
            }
        });
    }

    /** Where the last applied search's time went (the benchmark prints it). */
    public SearchTiming lastTiming() {
        return lastTiming;
    }

    public boolean isHit(IORegistryEntry e) {
        RegistrySearch.Result r = result.get();
        return r != null && r.contains(e);
    }

    public SearchQuery query() {
        Set<SearchField> on = EnumSet.noneOf(SearchField.class);
        fields.forEach((f, p) -> {
            if (p.get()) {
                on.add(f);
            }
        });
        return new SearchQuery(text.get() == null ? "" : text.get(), on, regex.get());
    }

    /** Re-runs the search on the current document (also after a load or a plane switch). */
    public void run() {
        Document doc = explorer.documentProperty().get();
        SearchQuery q = query();
        cancelPending.run();
        long gen = ++generation;
        if (doc == null || q.isBlank()) {
            searching.set(false);
            clear("");
            return;
        }
        IORegistryPlane plane = explorer.planeProperty().get();
        AtomicBoolean stale = new AtomicBoolean();
        // Not for a search over other fields: it waits for the whole index, which must not wait for it.
        holdBack(SearchQuery.QUICK.containsAll(q.fields()) && !doc.searchIndex().isReady() ? doc.searchIndex() : null);
        searching.set(true);
        // Typing on (the text grows, same fields, plain) only narrows: look at the shown hits alone. The shown
        // result belongs to an index; searchWithin searches everything when that is not this document's.
        RegistrySearch.Result before = result.get();
        SearchQuery beforeQuery = shownQuery;
        long queued = System.nanoTime();
        Jobs.Handle h = explorer.jobs().submit(() -> {
            long started = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            // While the whole index is still being built after an open, a quick search runs on its first stage.
            RegistryIndex index = doc.searchIndex().covering(q.fields());
            long indexed = System.nanoTime();
            RegistrySearch.Result r = RegistrySearch.searchWithin(before, beforeQuery, index, q, stale::get);
            long searched = System.nanoTime();
            List<IORegistryEntry> ordered = plane == null ? List.of() : r.entriesIn(planeSlots(doc, index, plane));
            return new Found(q, r, plane, ordered, queued, started, indexed, searched, System.nanoTime(),
                    THREADS.getCurrentThreadCpuTime() - c0);
        }, found -> {
            if (gen == generation) {
                apply(found);
            }
        }, failure -> {
            if (gen == generation) {
                clear(failure instanceof IllegalArgumentException ? failure.getMessage() : failure.toString());
                searching.set(false);
            }
        });
        cancelPending = () -> {
            stale.set(true);
            h.cancel();
        };
    }

    private void apply(Found found) {
        long applying = System.nanoTime();
        shownQuery = found.query();
        result.set(found.result());
        if (found.plane() != explorer.planeProperty().get()) {
            reorder();
        } else {
            hitIndex.set(-1);
            hits.set(found.ordered());
            updateSummary();
        }
        long f = found.started();
        lastTiming = new SearchTiming((f - found.queued()) / 1000, (found.indexed() - f) / 1000,
                (found.searched() - found.indexed()) / 1000, (found.sorted() - found.searched()) / 1000,
                (applying - found.sorted()) / 1000, (System.nanoTime() - applying) / 1000, found.cpuNanos() / 1000);
        // Last: whoever waits for the search (whenDone) sees its hits in place.
        searching.set(false);
    }

    private void clear(String message) {
        shownQuery = null;
        result.set(null);
        hits.set(new ArrayList<>());
        hitIndex.set(-1);
        summary.set(message);
    }

    /** Puts hits in the current plane's order; called after a search and on a plane switch. */
    void reorder() {
        RegistrySearch.Result r = result.get();
        Document doc = explorer.documentProperty().get();
        if (r == null || doc == null || explorer.planeProperty().get() == null) {
            return;
        }
        int[] slots = planeSlots(doc, r.index(), explorer.planeProperty().get());
        hitIndex.set(-1);
        hits.set(r.entriesIn(slots));
        updateSummary();
    }

    /**
     * The plane's tree order, computed once per document and plane (a walk of the whole plane, which the index's
     * first-stage thread does for IOService right after building it); any thread. Every stage of a document's index
     * has the same slots, so any of them will do.
     */
    private static int[] planeSlots(Document doc, RegistryIndex index, IORegistryPlane plane) {
        return doc.searchIndex().treeOrder(doc.registry(), plane, index);
    }

    public void next() {
        step(1);
    }

    public void previous() {
        step(-1);
    }

    private void step(int delta) {
        List<IORegistryEntry> h = hits.get();
        if (h.isEmpty()) {
            return;
        }
        int i = hitIndex.get() < 0 ? (delta > 0 ? 0 : h.size() - 1) : Math.floorMod(hitIndex.get() + delta, h.size());
        hitIndex.set(i);
        explorer.selectedProperty().set(h.get(i));
        updateSummary();
    }

    private void updateSummary() {
        RegistrySearch.Result r = result.get();
        int total = r == null ? 0 : r.count();
        int inPlane = hits.get().size();
        if (total == 0) {
            summary.set("no match");
        } else {
            int other = total - inPlane;
            String pos = hitIndex.get() < 0 ? inPlane + (inPlane == 1 ? " hit" : " hits")
                    : (hitIndex.get() + 1) + " of " + inPlane;
            summary.set(other == 0 ? pos : pos + " (" + other + " in " + (other == 1 ? "another plane)"
                    : "other planes)"));
        }
    }
}
