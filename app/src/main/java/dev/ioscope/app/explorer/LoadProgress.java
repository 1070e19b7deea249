package dev.ioscope.app.explorer;

import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ProgressBar;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The status bar's progress bar: shown while a load, comparison or export is under way, from {@link #DELAY_MS} on.
 * The status text says what is loading and Cancel is there at once; the bar's animation, painted every frame,
 * waits: on a 2-core machine the FX thread and the renderer painting it took a share of a core from the job it
 * reported on, and the 100k registry's open is over in about that time (docs/benchmarks.md, "Sixth session"). The
 * wait is a timer off the FX thread, not an animation: nothing pulses the FX thread meanwhile.
 */
final class LoadProgress {
    /** How long a job runs before its progress bar appears. */
    static final long DELAY_MS = 600;

    private final ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final ObservableBooleanValue loading;
    private final Executor later;
    /** Counts loads; a timer of an earlier load shows nothing. */
    private long load;

    private LoadProgress(ObservableBooleanValue loading, Executor later) {
        this.loading = loading;
        this.later = later;
        bar.setId("loadProgress");
        bar.setPrefWidth(120);
        show(false);
        loading.addListener((o, was, now) -> changed(now));
        changed(loading.get());
    }

    /** The bar for {@code loading}, shown {@link #DELAY_MS} after it turns true while it stays true. */
    static ProgressBar bar(ObservableBooleanValue loading) {
        return new LoadProgress(loading, CompletableFuture.delayedExecutor(DELAY_MS, TimeUnit.MILLISECONDS,
                Platform::runLater)).bar;
    }

    /** The same with the delay's executor given (tests run it when they choose). */
    static ProgressBar bar(ObservableBooleanValue loading, Executor later) {
        return new LoadProgress(loading, later).bar;
    }

    private void changed(boolean now) {
        long mine = ++load;
        if (!now) {
            show(false);
            return;
        }
        later.execute(() -> {
            if (load == mine && loading.get()) {
                show(true);
            }
        });
    }

    private void show(boolean shown) {
        bar.setVisible(shown);
        bar.setManaged(shown);
    }
}
