package dev.ioscope.engine.snapshot;

import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The property tables a reader left {@linkplain dev.ioscope.engine.registry.PendingProperties pending}: the
 * tree (names, classes, planes, states) is usable at once, and the tables are decoded on background threads,
 * in file order, or by whoever asks for an entry's properties first. They are independent, so every core helps.
 *
 * <p>When bad input is reported: {@link #complete()} decodes whatever is left (the caller helps), waits for
 * all, and throws the first error in file order, exactly the exception an eager read would have thrown.
 * {@code Snapshots.load} and {@code Snapshots.read} complete before they return, so their callers see no
 * difference; {@code Snapshots.open} returns first, and its callers must complete (the CLI before it exits,
 * the explorer on its loading job after showing the tree). Until then a bad table reads as empty.
 */
public final class DeferredTables {
    /** Nothing pending (every table was decoded while reading). */
    public static final DeferredTables NONE = new DeferredTables(List.of());

    /** One pending table: the entry and what decodes its table (and keeps the error, if any). */
    public interface Table {
        IORegistryEntry entry();

        /** The error decoding gave, or null (read after the entry's properties were decoded). */
        SnapshotException error();
    }

    private final List<? extends Table> tables;
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean started;

    public DeferredTables(List<? extends Table> tables) {
        this.tables = List.copyOf(tables);
    }

    public int size() {
        return tables.size();
    }

    /**
     * Starts decoding on {@code threads} daemon threads (at most one per table); a second call does nothing.
     */
    public synchronized DeferredTables start(int threads) {
        if (started || tables.isEmpty()) {
            return this;
        }
        started = true;
        for (int i = 0; i < Math.min(threads, tables.size()); i++) {
            Thread t = new Thread(this::work, "ioscope-property-tables-" + i);
            t.setDaemon(true);
            t.start();
        }
        return this;
    }

    /** {@link #start(int)} with one thread per core but one (the caller's thread keeps it). */
    public DeferredTables start() {
        return start(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    /**
     * Decodes every table not yet decoded (this thread takes its share), waits for the others, and throws the
     * first error in file order.
     */
    public void complete() throws SnapshotException {
        work();
        for (Table t : tables) {
            t.entry().properties(); // waits for a table another thread is decoding
        }
        for (Table t : tables) {
            if (t.error() != null) {
                throw t.error();
            }
        }
    }

    private void work() {
        for (int i = next.getAndIncrement(); i < tables.size(); i = next.getAndIncrement()) {
            tables.get(i).entry().properties();
        }
    }
}
