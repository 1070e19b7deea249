package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.RegistryIndex;
import dev.ioscope.engine.explore.SearchField;
import dev.ioscope.engine.registry.IORegistry;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A document's search index, built on a daemon thread of its own while the tree is shown: the tree needs names,
 * classes and planes only, and the index of a 100,000-entry registry costs as much CPU as building the registry
 * (docs/benchmarks.md, "First window and the 100k registry"). It is built in two stages: the quick search's fields
 * (names, classes, BSD names) first, so the first quick search after an open waits for those only. Whoever needs
 * the whole index first — a search over property values, a comparison — waits for it; the registry is not
 * changed once loaded, so it may be read from both threads.
 */
public final class PendingIndex {
    private static final ExecutorService BUILDERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ioscope-index");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    /** The first stage: names, classes and BSD names (RegistryIndex.quick), done long before the whole. */
    private final CompletableFuture<RegistryIndex> quick;
    private final CompletableFuture<RegistryIndex> index;
    /** Starts the build (and what the document builds beside it); null once started or when built already. */
    private final AtomicReference<Runnable> starter;

    private PendingIndex(CompletableFuture<RegistryIndex> quick, CompletableFuture<RegistryIndex> index,
                         Runnable starter) {
        this.quick = quick;
        this.index = index;
        this.starter = new AtomicReference<>(starter);
    }

    /** An index already built. */
    public static PendingIndex ready(RegistryIndex index) {
        CompletableFuture<RegistryIndex> done = CompletableFuture.completedFuture(index);
        return new PendingIndex(done, done, null);
    }

    /**
     * Starts building the index of {@code registry} on a background thread: the quick search's fields first, then
     * the rest (property keys and values, paths).
     */
    public static PendingIndex building(IORegistry registry) {
        PendingIndex p = deferred(registry, () -> { });
        p.start();
        return p;
    }

    /**
     * The index of {@code registry}, built from {@link #start} on (with {@code alongside}, e.g. the snapshot's
     * property tables, started once the quick stage is built), which the explorer calls once the first frame
     * showing the tree is drawn, so that on a 2-core machine the background work does not compete with that frame;
     * asking for the index starts it too.
     */
    public static PendingIndex deferred(IORegistry registry, Runnable alongside) {
        CompletableFuture<RegistryIndex> quick = new CompletableFuture<>();
        CompletableFuture<RegistryIndex> index = quick.thenApplyAsync(q -> q.complete(registry), BUILDERS);
        // The quick stage first and alone (on two cores the FX thread has the other): it reads no property table
        // that is still to build (PendingProperties.knows), so the first search after an open waits for it only;
        // the tables and the rest of the index start when it is done.
        return new PendingIndex(quick, index, () -> CompletableFuture.supplyAsync(() -> RegistryIndex.quick(registry),
                BUILDERS).whenComplete((q, e) -> {
                    if (e != null) {
                        quick.completeExceptionally(e);
                    } else {
                        quick.complete(q);
                    }
                    alongside.run();
                }));
    }

    /** Starts the build if it has not started; any thread, any number of times. */
    public void start() {
        Runnable r = starter.getAndSet(null);
        if (r != null) {
            r.run();
        }
    }

    /** The index, waiting for it if it is still being built; a failure of the build is rethrown as it was. */
    public RegistryIndex get() {
        start();
        return join(index);
    }

    /**
     * An index that holds {@code fields}: the whole one when it is built, else — for the quick search's fields —
     * the first stage as soon as that is built, which finds exactly what the whole index finds for them (the first
     * search after opening a big registry need not wait for its property values). Waits as {@link #get} does.
     */
    public RegistryIndex covering(Set<SearchField> fields) {
        start();
        if (index.isDone()) {
            return get();
        }
        RegistryIndex first = join(quick);
        return first.covers(fields) ? first : get();
    }

    private static RegistryIndex join(CompletableFuture<RegistryIndex> f) {
        try {
            return f.join();
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
