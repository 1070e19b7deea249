package dev.ioscope.engine.sim.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One shared-memory IOStreamBufferQueue (IOStreamShared.h): {@code entryCount} slots; the writer fills the slot at
 * {@code headIndex} and moves it on, the reader reads the slot at {@code tailIndex} and moves it on, both modulo
 * entryCount (rule ST3). Equal indices mean empty; one slot is always left free, so a queue of entryCount slots
 * holds entryCount − 1 entries (IOScope's reading of a head/tail ring with no count field).
 */
final class StreamQueue {
    /** A queue entry: the buffer and the length of its valid data. */
    record Entry(int bufferID, long dataLength) {
    }

    private final Entry[] slots;
    private int head;
    private int tail;

    StreamQueue(int entryCount) {
        slots = new Entry[Math.max(2, entryCount)];
    }

    int entryCount() {
        return slots.length;
    }

    int head() {
        return head;
    }

    int tail() {
        return tail;
    }

    boolean full() {
        return (head + 1) % slots.length == tail;
    }

    boolean offer(Entry e) {
        if (full()) {
            return false;
        }
        slots[head] = e;
        head = (head + 1) % slots.length;
        return true;
    }

    Optional<Entry> poll() {
        if (head == tail) {
            return Optional.empty();
        }
        Entry e = slots[tail];
        slots[tail] = null;
        tail = (tail + 1) % slots.length;
        return Optional.of(e);
    }

    List<Integer> buffers() {
        List<Integer> out = new ArrayList<>();
        for (int i = tail; i != head; i = (i + 1) % slots.length) {
            out.add(slots[i].bufferID());
        }
        return out;
    }
}
