package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.PlaneOrder;
import dev.ioscope.engine.explore.RegistryIndex;
import dev.ioscope.engine.explore.SearchField;
import dev.ioscope.engine.explore.SearchQuery;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Starts the first stage; null once started or when built already. */
    private final AtomicReference<Runnable> quickStarter;
    /** Completed by {@link #start}: the rest (and what the document builds beside it) waits for it. */
    private final CompletableFuture<Void> go;
    /** Per plane (by name): its entries' index slots in tree order; the same for every stage of the index. */
    private final Map<String, int[]> treeOrders = new ConcurrentHashMap<>();
    /** Held while a search runs on the first stage: the rest of the index waits between chunks of entries. */
    private final ForegroundGate foreground;

    private PendingIndex(CompletableFuture<RegistryIndex> quick, CompletableFuture<RegistryIndex> index,
                         Runnable quickStarter, CompletableFuture<Void> go, ForegroundGate foreground) {
        this.foreground = foreground;
        this.quick = quick;
        this.index = index;
        this.quickStarter = new AtomicReference<>(quickStarter);
        this.go = go;
    }

    /** An index already built. */
    public static PendingIndex ready(RegistryIndex index) {
        CompletableFuture<RegistryIndex> done = CompletableFuture.completedFuture(index);
        return new PendingIndex(done, done, null, CompletableFuture.completedFuture(null), new ForegroundGate());
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
     * The index of {@code registry}, built from {@link #start} on, which the explorer calls once the first frame
     * showing the tree is drawn, so that on a 2-core machine the work does not compete with that frame: the first
     * stage (then, on its thread, the IOService plane's tree order), then the rest beside {@code alongside} (e.g.
     * the generated registry's property tables). A quick search asked for first starts the first stage only
     * ({@link #startQuick}); asking for the whole index starts everything.
     */
    public static PendingIndex deferred(IORegistry registry, Runnable alongside) {
        CompletableFuture<RegistryIndex> quick = new CompletableFuture<>();
        // The first stage and then the IOService plane's tree order, which the first search waits for too.
        CompletableFuture<RegistryIndex> firstStage = new CompletableFuture<>();
        CompletableFuture<Void> go = new CompletableFuture<>();
        ForegroundGate foreground = new ForegroundGate();
        // The quick stage reads no property table that is still to build (PendingProperties.knows), so the first
        // search after an open waits for it only.
        // alongside starts once the first stage is built (and start() called): on two cores its threads (the
        // generated registry's 100k tables) would otherwise stretch the first stage from ~0.8 s to 2-3 s of wall
        // right after an open (docs/benchmarks.md, fifth session). So the first stage must not need it: the
        // generator's tables know their BSD names; tables the first stage would decode one by one (an archive's)
        // are better started by their reader before start().
        // The rest waits for the tree order as well: started as soon as the first stage was published, it
        // stretched the first search's wait for that order to over a second (docs/benchmarks.md, sixth session).
        CompletableFuture<RegistryIndex> index = firstStage.thenCombine(go, (q, v) -> {
            alongside.run();
            return q;
        }).thenApplyAsync(q -> q.complete(registry, foreground::pass), BUILDERS);
        PendingIndex[] self = new PendingIndex[1];
        self[0] = new PendingIndex(quick, index, () -> CompletableFuture.runAsync(() -> {
            RegistryIndex q;
            try {
                q = RegistryIndex.quick(registry);
            } catch (RuntimeException | Error e) {
                quick.completeExceptionally(e);
                firstStage.completeExceptionally(e);
                return;
            }
            quick.complete(q);
            try {
                registry.planes().stream().filter(p -> p.name().equals(IORegistryPlane.IOSERVICE)).findFirst()
                        .ifPresent(p -> self[0].treeOrder(registry, p, q));
            } finally {
                firstStage.complete(q);
            }
        }, BUILDERS), go, foreground);
        return self[0];
    }

    /**
     * Holds ({@code true}) or releases the rest of the build while a search on the first stage runs: it waits
     * between chunks of entries (at most {@link ForegroundGate#MAX_WAIT_MILLIS} at a time). Only for a search that
     * does not wait for the whole index. Any thread.
     */
    public void foreground(boolean searching) {
        foreground.hold(searching);
    }

    /** True while a search holds the rest of the build back (tests). */
    boolean isHeldBack() {
        return foreground.isHeld();
    }

    /** True while the rest of the build waits for a search (tests). */
    boolean standingAside() {
        return foreground.isWaiting();
    }

    /** Starts the first stage if it has not started; any thread, any number of times. */
    public void startQuick() {
        Runnable r = quickStarter.getAndSet(null);
        if (r != null) {
            r.run();
        }
    }

    /**
     * The index slots of {@code plane}'s entries in tree order ({@link PlaneOrder#slots}), computed once per plane
     * (a walk of the whole plane; the first stage's thread computes IOService's); any stage of this index will do,
     * as all have the same slots. Any thread; a second caller for the same plane waits for the first.
     */
    public int[] treeOrder(IORegistry registry, IORegistryPlane plane, RegistryIndex any) {
        return treeOrders.computeIfAbsent(plane.name(), n -> PlaneOrder.slots(registry, plane, any));
    }

    /** Starts the build if it has not started; any thread, any number of times. */
    public void start() {
        startQuick();
        go.complete(null);
    }

    /**
     * Runs {@code then} once {@link #start} has been called (at once, on this thread, if it has): an archive's
     * property tables start then, and the explorer's check of them, so that they too wait for the first frame.
     */
    public void whenStarted(Runnable then) {
        go.thenRun(then);
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
        startQuick();
        if (!SearchQuery.QUICK.containsAll(fields)) {
            start();
        }
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
