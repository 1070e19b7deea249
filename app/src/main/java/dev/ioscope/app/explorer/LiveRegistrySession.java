package dev.ioscope.app.explorer;

import dev.ioscope.app.ui.Jobs;
import dev.ioscope.engine.explore.RegistryDiff;
import dev.ioscope.engine.explore.RegistryIndex;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.live.LiveRegistry;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The explorer's live registry (File ▸ Open This Mac): the newest read through ioreg, the auto-refresh interval,
 * and the log of what each refresh found. The explorer view-model shows what it reads; this class only reads,
 * compares and remembers (FX thread, except the reads, which run as jobs).
 */
final class LiveRegistrySession {
    private final Jobs jobs;
    /** The ioreg this Mac's live registry is read with; empty where there is none (Linux, Windows). */
    private final Optional<Path> ioreg;
    private final ReadOnlyBooleanWrapper live;
    private final ObjectProperty<LiveRefresh> refresh;
    private final ObservableList<LiveChange> log = FXCollections.observableArrayList();
    /** The live document the next refresh compares with (the newest read); null when no live registry is open. */
    private Document document;
    /** True while a refresh reads: refreshes never overlap. */
    private boolean refreshing;

    /** {@code bean}: the view-model the properties belong to. */
    LiveRegistrySession(Object bean, Jobs jobs, Optional<Path> ioreg) {
        this.jobs = jobs;
        this.ioreg = ioreg;
        this.live = new ReadOnlyBooleanWrapper(bean, "live");
        this.refresh = new SimpleObjectProperty<>(bean, "liveRefresh", LiveRefresh.OFF);
    }

    boolean available() {
        return ioreg.isPresent();
    }

    ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    ObjectProperty<LiveRefresh> refreshProperty() {
        return refresh;
    }

    ObservableList<LiveChange> log() {
        return log;
    }

    boolean refreshing() {
        return refreshing;
    }

    /** The newest read, or null when no live registry is open. */
    Document document() {
        return document;
    }

    /** A first read was opened: the log starts again and refreshes compare with it. */
    void opened(Document doc) {
        log.clear();
        document = doc;
    }

    /**
     * Reads again on a job thread and hands the comparison with the previous read to {@code shown} (after logging
     * it), unless another document was opened meanwhile; a failure turns auto-refresh off and goes to
     * {@code failed}. A refresh asked for while one reads is dropped.
     */
    void refresh(Consumer<Comparison> shown, Consumer<Throwable> failed) {
        Document before = document;
        if (before == null || refreshing) {
            return;
        }
        refreshing = true;
        jobs.submit(() -> {
            Document after = read();
            return new Comparison(before, after, RegistryDiff.diff(before.registry(), after.registry()));
        }, c -> {
            refreshing = false;
            if (document != before) {
                return;   // another document was opened meanwhile
            }
            document = c.after();
            log.add(LiveChange.of(LocalTime.now(), c.diff()));
            shown.accept(c);
        }, failure -> {
            refreshing = false;
            refresh.set(LiveRefresh.OFF);   // one dialog, not one per tick
            failed.accept(failure);
        });
    }

    /**
     * A document is about to be shown: whether it is the live one; any other ends the live session (no more
     * refreshes). {@link #setLive} then tells the view.
     */
    boolean follow(Document doc) {
        boolean isLive = doc == document;
        if (!isLive) {
            document = null;
            refresh.set(LiveRefresh.OFF);
        }
        return isLive;
    }

    void setLive(boolean isLive) {
        live.set(isLive);
    }

    /** Reads and indexes the live registry (job thread). */
    Document read() throws SnapshotException {
        long t0 = System.nanoTime();
        Snapshot s = new LiveRegistry(ioreg.orElseThrow()).read();
        return new Document(s, RegistryIndex.build(s.registry()), null, "This Mac",
                (System.nanoTime() - t0) / 1_000_000);
    }
}
