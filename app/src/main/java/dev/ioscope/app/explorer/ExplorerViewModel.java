package dev.ioscope.app.explorer;

import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.engine.explore.EntryExport;
import dev.ioscope.engine.explore.RegistryDiff;
import dev.ioscope.engine.explore.RegistryIndex;
import dev.ioscope.engine.machine.JsonFileKind;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.live.LiveRegistry;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The explorer window's state: the document, the plane, the selected entry, loading, the search and a
 * comparison. No scene-graph types; unit-tested with synchronous jobs.
 */
public final class ExplorerViewModel {
    /** A problem to show the user in a dialog; a new instance per problem. */
    public record Problem(String title, String message) {
    }

    private final Jobs jobs;
    private final AppPreferences prefs;
    private final SnapshotLoader loader = new SnapshotLoader();
    private final ReadOnlyObjectWrapper<Path> scenarioRequested =
            new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Document> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ObservableList<IORegistryPlane> planes = FXCollections.observableArrayList();
    private final ObjectProperty<IORegistryPlane> plane = new SimpleObjectProperty<>(this, "plane");
    private final ObjectProperty<IORegistryEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadingWhat = new ReadOnlyStringWrapper(this, "loadingWhat", "");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final SearchViewModel search;
    private final ChangeNavigator changeSteps;
    private final ShownRegistry shown = new ShownRegistry(document::get, comparison::get);
    private final StatusLine statusLine = new StatusLine();
    private Jobs.Handle running;
    /** This Mac's live registry: reads, auto-refresh, the log of changes. */
    private final LiveRegistrySession live;

    /** {@code ioscope.ioreg} (a path) overrides the PATH search, so tests and users can point at another ioreg. */
    public static final String IOREG_PROPERTY = "ioscope.ioreg";

    public ExplorerViewModel(Jobs jobs, AppPreferences prefs) {
        this(jobs, prefs, System.getProperty(IOREG_PROPERTY) != null
                ? Optional.of(Path.of(System.getProperty(IOREG_PROPERTY))) : LiveRegistry.locate());
    }

    /** With the ioreg to read the live registry with, or none (File ▸ Open This Mac is then disabled). */
    public ExplorerViewModel(Jobs jobs, AppPreferences prefs, Optional<Path> ioreg) {
        this.jobs = jobs;
        this.prefs = prefs;
        this.live = new LiveRegistrySession(this, jobs, ioreg);
        this.search = new SearchViewModel(this);
        this.changeSteps = new ChangeNavigator(this);
        recentFiles.setAll(prefs.recentFiles());
        plane.addListener((o, a, b) -> {
            if (b != null) {
                prefs.setLastPlane(b.name());
                search.reorder();
                updateStatus();
            }
        });
    }

    /** A scenario file the user opened: the view opens a workbench window on it. */
    public ReadOnlyObjectProperty<Path> scenarioRequestedProperty() {
        return scenarioRequested.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Document> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public ObservableList<IORegistryPlane> planes() {
        return planes;
    }

    public ObjectProperty<IORegistryPlane> planeProperty() {
        return plane;
    }

    public ObjectProperty<IORegistryEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadingWhatProperty() {
        return loadingWhat.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    /** The job runner (searches use it too). */
    Jobs jobs() {
        return jobs;
    }

    /** Next / previous change of a comparison. */
    public ChangeNavigator changeSteps() {
        return changeSteps;
    }

    /** What the tree, the inspector and the facts ask of the registry shown (with a comparison's ghosts). */
    public ShownRegistry shown() {
        return shown;
    }

    public SearchViewModel search() {
        return search;
    }

    public AppPreferences preferences() {
        return prefs;
    }

    // ---- the live registry --------------------------------------------------------------------------------

    /** Whether this Mac's registry can be read (an ioreg was found); else the reason is {@link #NO_LIVE}. */
    public boolean liveAvailable() {
        return live.available();
    }

    /** Why File ▸ Open This Mac is disabled. */
    public static final String NO_LIVE = LiveRegistry.NO_IOREG;

    /** True while the document shown is this Mac's live registry. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.liveProperty();
    }

    /** How often the live registry is read again (the view's timer calls {@link #refreshLive()}). */
    public ObjectProperty<LiveRefresh> liveRefreshProperty() {
        return live.refreshProperty();
    }

    /** What each refresh found, oldest first. */
    public ObservableList<LiveChange> liveLog() {
        return live.log();
    }

    /** True while a refresh is reading. */
    public boolean refreshing() {
        return live.refreshing();
    }

    /** File ▸ Open This Mac: reads the running kernel's registry through ioreg on a job thread and shows it. */
    public void openThisMac() {
        if (!live.available()) {
            problem.set(new Problem("Cannot open this Mac", NO_LIVE));
            return;
        }
        start("This Mac", live::read, doc -> {
            comparison.set(null);
            live.opened(doc);
            show(doc);
        });
    }

    /**
     * Reads the live registry again (off the FX thread) and shows it compared with the previous read: added and
     * changed entries marked, removed ones as ghosts, a line in {@link #liveLog()}; the selection follows its
     * entry (matched by registry entry ID). A refresh asked for while one reads is dropped: they never overlap.
     */
    public void refreshLive() {
        live.refresh(c -> {
            comparison.set(c);
            show(c.after());
        }, failure -> {
            LoggerFactory.getLogger(ExplorerViewModel.class).warn("cannot refresh the live registry: {}",
                    message(failure), failure);
            problem.set(new Problem("Cannot refresh this Mac", message(failure)));
        });
    }

    // ---- loading -------------------------------------------------------------------------------------------

    public void openDefaultMachine() {
        start("bundled machine", loader::defaultMachine, this::show);
    }

    /**
     * Shows a load started before the window (the launcher's first document, {@link StartedLoad}) as
     * {@link #open(Path)} or {@link #openDefaultMachine()} shows theirs: at once when it has already ended (the
     * virtual Mac boots while the toolkit starts), so a window just shown draws it in its first frame rather than
     * a frame of its own empty first; else waited for on a job thread.
     */
    public void open(StartedLoad started) {
        Path file = started.file();
        Document loaded = started.loaded();
        if (loaded != null) {
            cancelLoad();
            if (file == null) {
                show(loaded);
            } else {
                showFile(file, loaded);
            }
            return;
        }
        if (file == null) {
            start("bundled machine", started::await, this::show);
        } else {
            start(file.getFileName() == null ? file.toString() : file.getFileName().toString(), started::await,
                    doc -> showFile(file, doc));
        }
    }

    /**
     * A registry handed over whole (the workbench's machine at a step, copied on its engine thread): indexed on the
     * job thread, then shown like a loaded file. It has no file, so it cannot be reloaded.
     */
    public void openSnapshot(Snapshot s, String title) {
        start(title, () -> handedOver(s, title), this::show);
    }

    /**
     * Two registries handed over whole, shown as a comparison (before → after): the workbench's marked step and
     * its current one. Both are indexed and diffed on the job thread.
     */
    public void openComparison(Snapshot before, String beforeTitle,
                               Snapshot after, String afterTitle) {
        start("comparison of " + beforeTitle + " and " + afterTitle, () -> {
            Document b = handedOver(before, beforeTitle);
            Document a = handedOver(after, afterTitle);
            return new Comparison(b, a, RegistryDiff.diff(b.registry(), a.registry()));
        }, c -> {
            comparison.set(c);
            show(c.after());
            changeSteps().next();   // two steps of one machine: what the user asked about is the first change
        });
    }

    /** A document over a registry with no file behind it, indexed (job thread). */
    private static Document handedOver(Snapshot s, String title) {
        return new Document(s, RegistryIndex.build(s.registry()), null, title, 0);
    }

    /** The real iMac16,1 IORegistryExplorer save bundled with the app. */
    public void openBundledSnapshot() {
        start("bundled snapshot", loader::bundledSnapshot, this::show);
    }

    public void open(Path file) {
        if (JsonFileKind.of(file) == JsonFileKind.SCENARIO) {
            // a scenario runs in the workbench (the view opens it); the explorer keeps what it shows
            recentFiles.setAll(prefs.addRecentFile(file));
            scenarioRequested.set(null);
            scenarioRequested.set(file);
            return;
        }
        start(file.getFileName() == null ? file.toString() : file.getFileName().toString(), () -> loader.load(file),
                doc -> showFile(file, doc));
    }

    /**
     * Shows a file's document, whose property tables are decoded from when its tree is drawn
     * ({@link SnapshotLoader#load}); once they are, a bad one is reported as a failed open reports it, and the
     * window goes back to what it showed before (the virtual Mac for the first document), as after a failed open.
     */
    private void showFile(Path file, Document doc) {
        Document previous = document.get();
        List<Path> recentBefore = List.copyOf(recentFiles);
        recentFiles.setAll(prefs.addRecentFile(file));
        show(doc);
        doc.searchIndex().whenStarted(() -> jobs.submit(doc::complete, ok -> { }, failure -> {
            LoggerFactory.getLogger(ExplorerViewModel.class).warn("cannot open {}: {}", doc.title(),
                    message(failure), failure);
            problem.set(new Problem("Cannot open " + doc.title(), message(failure)));
            recentFiles.setAll(prefs.setRecentFiles(recentBefore));   // as a failed open leaves it
            if (document.get() != doc) {
                return; // another document is shown by now
            }
            if (previous != null) {
                show(previous);
            } else {
                openDefaultMachine();
            }
        }));
    }

    /** Opens the small Mac-shaped sample registry of {@code entries} entries (three planes; tests). */
    public void openSynthetic(int entries) {
        start("synthetic registry", () -> loader.synthetic(entries), this::show);
    }

    /** Opens the project's synthetic benchmark registry (BenchmarkRegistry; the View menu's stress test). */
    public void openBenchmark(int entries) {
        start("synthetic registry", () -> loader.benchmark(entries), this::show);
    }

    /** Loads {@code file} as the "after" side and compares it with the current document. */
    public void compareWith(Path file) {
        Document before = comparison.get() != null ? comparison.get().before() : document.get();
        if (before == null) {
            return;
        }
        start("comparison with " + file.getFileName(), () -> {
            Document after = loader.load(file).complete();
            // the selection follows to its counterpart through both indexes on the FX thread: built here, not there
            before.index();
            after.index();
            return new Comparison(before, after, RegistryDiff.diff(before.registry(), after.registry()));
        }, c -> {
            recentFiles.setAll(prefs.addRecentFile(file));
            comparison.set(c);
            show(c.after());
        });
    }

    /** Compares the current document (before) with an already loaded one (after), on a job thread. */
    public void compareWith(Document after) {
        Document before = comparison.get() != null ? comparison.get().before() : document.get();
        if (before == null) {
            return;
        }
        start("comparison with " + after.title(), () -> {
            before.index();
            after.index();
            return new Comparison(before, after, RegistryDiff.diff(before.registry(), after.registry()));
        }, c -> {
            comparison.set(c);
            show(c.after());
        });
    }

    /** A synthetic document (tests, the View menu's stress sample): built at once on the caller's thread. */
    public Document syntheticDocument(int entries) {
        return loader.synthetic(entries);
    }

    /** Ends a comparison and goes back to the "before" document. */
    public void endComparison() {
        Comparison c = comparison.get();
        if (c != null && live.liveProperty().get()) {
            // a live registry stays live: the newest read, without the last refresh's marks
            IORegistryEntry keep = selected.get();
            comparison.set(null);
            show(live.document(), keep != null && c.diff().changeOf(keep) == RegistryDiff.Change.REMOVED ? null : keep);
            return;
        }
        if (c != null) {
            // the tree stays where the user was: the selected entry's before-side counterpart (a removed ghost is
            // a before entry itself), found while the comparison still maps one side to the other
            IORegistryEntry keep = selected.get();
            IORegistryEntry back = keep == null ? null : c.diff().before(keep);
            if (back == null && keep != null && c.before().index().slotOf(keep) >= 0) {
                back = keep;
            }
            comparison.set(null);
            show(c.before(), back);
        }
    }

    public void cancelLoad() {
        if (running != null) {
            running.cancel();
            running = null;
            loading.set(false);
            loadingWhat.set("");
            updateStatus();
        }
    }

    private <T> void start(String what, Callable<T> work, Consumer<T> done) {
        cancelLoad();
        loading.set(true);
        loadingWhat.set(what);
        status.set("Loading " + what + "…");
        Jobs.Handle[] self = new Jobs.Handle[1];
        self[0] = jobs.submit(work, result -> {
            finish(self[0]);
            done.accept(result);
        }, failure -> {
            finish(self[0]);
            String title = what.startsWith("export") ? "Cannot " + what : "Cannot open " + what;
            LoggerFactory.getLogger(ExplorerViewModel.class).warn("{}: {}", title, message(failure), failure);
            problem.set(new Problem(title, message(failure)));
            updateStatus();
            if (document.get() == null && !what.equals("bundled machine")) {
                // The window always shows something: a failed first file falls back to the bundled machine.
                openDefaultMachine();
            }
        });
        if (loading.get()) {
            running = self[0];
        }
    }

    private void finish(Jobs.Handle h) {
        if (running == h || running == null) {
            running = null;
            loading.set(false);
            loadingWhat.set("");
        }
    }

    private static String message(Throwable t) {
        if (t instanceof SnapshotException se) {
            return se.getMessage();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private void show(Document doc) {
        show(doc, null, true);
    }

    /** Shows a document with {@code entry} selected (null: the first view's selection). */
    private void show(Document doc, IORegistryEntry entry) {
        show(doc, entry, false);
    }

    private void show(Document doc, IORegistryEntry entry, boolean followSelection) {
        IORegistryEntry keep = selected.get();
        shown.forgetKinds();
        boolean isLive = live.follow(doc);
        IORegistryPlane was = plane.get();
        // No plane while the document changes: the tree drops the old document's tree here and builds the new one's
        // once, when its own plane is set below (set after the document, the tree was built in the old document's
        // plane first, then again in the new one's: twice the cells and CSS before the 100k registry's first frame).
        plane.set(null);
        document.set(doc);
        live.setLive(isLive);
        planes.setAll(doc.registry().planes());
        IORegistryPlane want = doc.registry().findPlane(was != null ? was.name() : prefs.lastPlane())
                .or(() -> doc.registry().findPlane(IORegistryPlane.IOSERVICE))
                .orElse(planes.isEmpty() ? null : planes.get(0));
        plane.set(want);
        // Keep the selection across a comparison switch when the entry has a counterpart.
        Comparison c = comparison.get();
        IORegistryEntry counterpart = !followSelection ? entry : c == null ? null : c.counterpart(keep, doc);
        selected.set(counterpart != null ? counterpart : FirstView.selection(doc.registry(), plane.get()));
        search.run();
        updateStatus();
    }

    /**
     * Saves the whole registry ({@code subtree} of the root) or the selected entry's subtree in a format, on a
     * job thread (the document is only read after it is published, so reading it there is safe).
     */
    public void export(Path file, SnapshotFormat format, boolean selectionOnly) {
        Document d = document.get();
        IORegistryEntry e = selectionOnly && selected.get() != null ? selected.get() : d.registry().root();
        IORegistryPlane p = plane.get();
        start("export to " + file.getFileName(), () -> {
            // all or nothing: a cancelled or failed export leaves no half file (ExportFile)
            d.complete(); // a bad property table fails the export rather than reading as empty
            return ExportFile.write(file, out -> EntryExport.write(d.registry(), e, p, true, format, out));
        }, f -> status.set("Saved " + f.getFileName() + " (" + format.displayName() + ")"));
    }

    // ---- status --------------------------------------------------------------------------------------------

    void updateStatus() {
        status.set(statusLine.of(document.get(), plane.get(), comparison.get()));
    }
}
