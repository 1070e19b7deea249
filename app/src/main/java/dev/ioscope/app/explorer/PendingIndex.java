package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.RegistryIndex;
import dev.ioscope.engine.registry.IORegistry;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A document's search index, built on a daemon thread of its own while the tree is shown: the tree needs names,
 * classes and planes only, and the index of a 100,000-entry registry costs as much CPU as building the registry
 * (docs/benchmarks.md, "First window and the 100k registry"). Whoever needs it first — a search on its job thread,
 * a comparison — waits for it; the registry is not changed once loaded, so it may be read from both threads.
 */
public final class PendingIndex {
    private static final ExecutorService BUILDERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ioscope-index");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    private final CompletableFuture<RegistryIndex> index;

    private PendingIndex(CompletableFuture<RegistryIndex> index) {
        this.index = index;
    }

    /** An index already built. */
    public static PendingIndex ready(RegistryIndex index) {
        return new PendingIndex(CompletableFuture.completedFuture(index));
    }

    /** Starts building the index of {@code registry} on a background thread. */
    public static PendingIndex building(IORegistry registry) {
        return new PendingIndex(CompletableFuture.supplyAsync(() -> RegistryIndex.build(registry), BUILDERS));
    }

    /** The index, waiting for it if it is still being built; a failure of the build is rethrown as it was. */
    public RegistryIndex get() {
        try {
            return index.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    public boolean isReady() {
        return index.isDone();
    }
}
