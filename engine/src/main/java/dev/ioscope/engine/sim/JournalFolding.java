package dev.ioscope.engine.sim;

/**
 * A table folded from the journal, event by event, in order (the locks, streams and memory tables): a view brings
 * it to the current position by feeding the events it has not seen, and starts a fresh one when the position moved
 * back.
 */
public interface JournalFolding {
    /** How many events were folded so far. */
    int seen();

    /** Folds the next event. */
    void accept(JournalEvent e);
}
