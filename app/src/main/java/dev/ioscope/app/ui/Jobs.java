package dev.ioscope.app.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One-shot jobs (load a snapshot, compare, export) off the FX thread. Results and failures come back through
 * {@link FxDispatch}; a cancelled job's result is dropped. Tests use {@link #synchronous()}.
 */
public interface Jobs {
    /** A handle to cancel a running job. */
    interface Handle {
        void cancel();

        boolean isCancelled();
    }

    <T> Handle submit(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailure);

    /** Runs every job on the caller's thread at once (view-model tests). */
    static Jobs synchronous() {
        return new Jobs() {
            @Override
            public <T> Handle submit(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailure) {
                AtomicBoolean cancelled = new AtomicBoolean();
                try {
                    onDone.accept(work.call());
                } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                    onFailure.accept(e);
                }
                return handle(cancelled, null);
            }
        };
    }

    /**
     * Daemon worker threads; results delivered on the FX thread. A cached pool, not a single thread: readers do
     * not poll interruption, so a cancelled load runs on to its end and must not hold up the next one.
     */
    static Jobs background() {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ioscope-jobs");
            t.setDaemon(true);
            return t;
        });
        return new Jobs() {
            @Override
            public <T> Handle submit(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailure) {
                AtomicBoolean cancelled = new AtomicBoolean();
                Future<?> f = pool.submit(() -> {
                    try {
                        T result = work.call();
                        FxDispatch.runNowOrLater(() -> {
                            if (!cancelled.get()) {
                                onDone.accept(result);
                            }
                        });
                    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                        FxDispatch.runNowOrLater(() -> {
                            if (!cancelled.get() && !(e instanceof CancellationException)) {
                                onFailure.accept(e);
                            }
                        });
                    }
                });
                return handle(cancelled, f);
            }
        };
    }

    private static Handle handle(AtomicBoolean cancelled, Future<?> f) {
        return new Handle() {
            @Override
            public void cancel() {
                cancelled.set(true);
                if (f != null) {
                    // Readers do not poll interruption; the flag makes sure a late result is dropped.
                    f.cancel(true);
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }
}
