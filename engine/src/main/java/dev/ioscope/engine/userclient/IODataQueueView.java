package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.userclient.IODataQueueLayout.DATA_QUEUE_ENTRY_HEADER_SIZE;
import static dev.ioscope.engine.userclient.IODataQueueLayout.DATA_QUEUE_MEMORY_HEADER_SIZE;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only picture of a data queue's shared memory for drawing: header fields and the live entries from head to
 * tail, following the same wrap rule a reader uses (an entry whose header or data does not fit before the end is read
 * from offset 0; a size left at the old tail is a wrap marker). Corrupt memory ends the walk with {@code corrupt}
 * set — never an exception or an endless loop.
 */
public final class IODataQueueView {
    /** One live entry: its offset in the queue area and its data size. */
    public record Entry(int offset, int size) {
    }

    /** The picture. {@code wrapMarkers} are offsets where a reader found a size that sent it back to 0. */
    public record State(int queueSize, int head, int tail, List<Entry> entries, List<Integer> wrapMarkers,
            boolean corrupt) {
    }

    private IODataQueueView() {
    }

    public static State of(ByteBuffer mapping) {
        ByteBuffer q = mapping.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long qs = Integer.toUnsignedLong(q.getInt(0));
        long head = Integer.toUnsignedLong(q.getInt(4));
        long tail = Integer.toUnsignedLong(q.getInt(8));
        List<Entry> entries = new ArrayList<>();
        List<Integer> markers = new ArrayList<>();
        long room = q.capacity() - DATA_QUEUE_MEMORY_HEADER_SIZE - IODataQueueLayout.DATA_QUEUE_MEMORY_APPENDIX_SIZE;
        boolean corrupt = qs > room || head > qs || tail > qs;
        long at = head;
        long steps = 0;
        while (!corrupt && at != tail) {
            if (++steps > qs / DATA_QUEUE_ENTRY_HEADER_SIZE + 2) {
                corrupt = true;
                break;
            }
            long size = at + DATA_QUEUE_ENTRY_HEADER_SIZE <= qs
                    ? Integer.toUnsignedLong(q.getInt(DATA_QUEUE_MEMORY_HEADER_SIZE + (int) at)) : -1;
            if (size < 0 || at + size + DATA_QUEUE_ENTRY_HEADER_SIZE > qs) {
                if (size >= 0) {
                    markers.add((int) at);
                }
                if (at == 0) {
                    corrupt = true; // an entry at 0 that does not fit
                    break;
                }
                at = 0;
                continue;
            }
            entries.add(new Entry((int) at, (int) size));
            at += size + DATA_QUEUE_ENTRY_HEADER_SIZE;
            if (at > qs) {
                corrupt = true;
            }
        }
        return new State((int) qs, (int) head, (int) tail, List.copyOf(entries), List.copyOf(markers), corrupt);
    }
}
