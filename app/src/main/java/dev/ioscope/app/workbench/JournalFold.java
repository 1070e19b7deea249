package dev.ioscope.app.workbench;

import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.JournalFolding;

import java.util.List;
import java.util.function.Supplier;

/**
 * A journal-folded table kept at the workbench's current position: when the position moves forward only the new
 * events are folded; when it moves back, or the journal up to the table's last event is no longer the one it saw
 * (a replay), the table starts again from a fresh one. FX thread.
 */
public final class JournalFold<T extends JournalFolding> {
    private final Supplier<T> fresh;
    private T table;
    private JournalEvent lastFed;

    public JournalFold(Supplier<T> fresh) {
        this.fresh = fresh;
        this.table = fresh.get();
    }

    /**
     * Folds {@code events} up to {@code now} (exclusive); true when the table had to start again rather than only
     * take the new events.
     */
    public boolean advanceTo(List<JournalEvent> events, int now) {
        boolean samePrefix = table.seen() <= now && (table.seen() == 0 || events.get(table.seen() - 1) == lastFed);
        if (!samePrefix) {
            table = fresh.get();
        }
        for (int i = table.seen(); i < now; i++) {
            table.accept(events.get(i));
        }
        lastFed = now == 0 ? null : events.get(now - 1);
        return !samePrefix;
    }

    /** The table at the position last advanced to. */
    public T table() {
        return table;
    }
}
