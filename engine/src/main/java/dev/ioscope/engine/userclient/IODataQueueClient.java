package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnBadArgument;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnError;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnNoSpace;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnOverrun;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnUnderrun;
import static dev.ioscope.engine.userclient.IODataQueueLayout.DATA_QUEUE_ENTRY_HEADER_SIZE;
import static dev.ioscope.engine.userclient.IODataQueueLayout.DATA_QUEUE_MEMORY_HEADER_SIZE;
import static dev.ioscope.engine.userclient.IODataQueueLayout.HEAD_OFFSET;
import static dev.ioscope.engine.userclient.IODataQueueLayout.QUEUE_SIZE_OFFSET;
import static dev.ioscope.engine.userclient.IODataQueueLayout.TAIL_OFFSET;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The user side of a data queue over a mapping of the shared memory, as IOKitUser's {@code IODataQueueClient.c}:
 * {@code IODataQueueDataAvailable}, {@code IODataQueuePeek}, {@code IODataQueueDequeue} (kIOReturnUnderrun when
 * empty, kIOReturnNoSpace when the caller's buffer is too small, kIOReturnError when head/size are corrupt) and
 * {@code IODataQueueEnqueue} (client → kernel direction; kIOReturnOverrun when full). Unlike the kernel, the client
 * reads the queue size from the shared header.
 */
public final class IODataQueueClient {
    private final ByteBuffer q;

    public IODataQueueClient(ByteBuffer mapping) {
        this.q = mapping.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A dequeued entry, or the code explaining why there is none. */
    public record Dequeued(int result, byte[] data) {
    }

    private long u32(int at) {
        return Integer.toUnsignedLong(q.getInt(at));
    }

    /**
     * The shared header's queue size. Emulation guard: a size claiming more than the mapping holds (C would read
     * past the mapping and fault) reads as -1, which every caller treats as corrupt.
     */
    private long queueSize() {
        long s = u32(QUEUE_SIZE_OFFSET);
        return s > q.capacity() - DATA_QUEUE_MEMORY_HEADER_SIZE - IODataQueueLayout.DATA_QUEUE_MEMORY_APPENDIX_SIZE
                ? -1 : s;
    }

    private long sizeAt(long offset) {
        return u32(DATA_QUEUE_MEMORY_HEADER_SIZE + (int) offset);
    }

    /** {@code IODataQueueDataAvailable}: head != tail. */
    public boolean dataAvailable() {
        return q.getInt(HEAD_OFFSET) != q.getInt(TAIL_OFFSET);
    }

    /** {@code IODataQueuePeek}: the next entry's data, or null (empty, or corrupt sizes). */
    public byte[] peek() {
        long head = u32(HEAD_OFFSET);
        long tail = u32(TAIL_OFFSET);
        if (head == tail) {
            return null;
        }
        long queueSize = queueSize();
        if (queueSize < 0 || head > queueSize) {
            return null;
        }
        long headSize = sizeAt(head);
        long at;
        long size;
        if (head + DATA_QUEUE_ENTRY_HEADER_SIZE > queueSize || head + headSize + DATA_QUEUE_ENTRY_HEADER_SIZE
                > queueSize) {
            at = 0;
            size = sizeAt(0);
            if (size + DATA_QUEUE_ENTRY_HEADER_SIZE > queueSize) {
                return null;
            }
        } else {
            at = head;
            size = headSize;
        }
        byte[] out = new byte[(int) size];
        q.get(DATA_QUEUE_MEMORY_HEADER_SIZE + (int) at + DATA_QUEUE_ENTRY_HEADER_SIZE, out);
        return out;
    }

    /** {@code IODataQueueDequeue(queue, data, &dataSize)} with {@code room} bytes of buffer (room < 0 = NULL data). */
    public Dequeued dequeue(int room) {
        long head = u32(HEAD_OFFSET);
        long tail = u32(TAIL_OFFSET);
        if (head == tail) {
            return new Dequeued(kIOReturnUnderrun, null);
        }
        long queueSize = queueSize();
        if (queueSize < 0 || head > queueSize) {
            return new Dequeued(kIOReturnError, null);
        }
        long headSize = sizeAt(head);
        long at;
        long entrySize;
        long newHead;
        if (head + DATA_QUEUE_ENTRY_HEADER_SIZE > queueSize
                || head + headSize + DATA_QUEUE_ENTRY_HEADER_SIZE > queueSize) {
            at = 0;
            entrySize = sizeAt(0);
            if (entrySize + DATA_QUEUE_ENTRY_HEADER_SIZE > queueSize) {
                return new Dequeued(kIOReturnError, null);
            }
            newHead = entrySize + DATA_QUEUE_ENTRY_HEADER_SIZE;
        } else {
            at = head;
            entrySize = headSize;
            newHead = head + entrySize + DATA_QUEUE_ENTRY_HEADER_SIZE;
        }
        byte[] out = new byte[0];
        if (room >= 0) {
            if (entrySize > room) {
                return new Dequeued(kIOReturnNoSpace, null);
            }
            out = new byte[(int) entrySize];
            q.get(DATA_QUEUE_MEMORY_HEADER_SIZE + (int) at + DATA_QUEUE_ENTRY_HEADER_SIZE, out);
        }
        q.putInt(HEAD_OFFSET, (int) newHead);
        return new Dequeued(kIOReturnSuccess, out);
    }

    /** {@code IODataQueueEnqueue}: the same placement rules as the kernel, with the client's error codes. */
    public int enqueue(byte[] data) {
        if (data == null) {
            return kIOReturnBadArgument;
        }
        long tail = u32(TAIL_OFFSET);
        long head = u32(HEAD_OFFSET);
        long queueSize = queueSize();
        long entrySize = data.length + (long) DATA_QUEUE_ENTRY_HEADER_SIZE;
        if (queueSize < 0) {
            return kIOReturnError;
        }
        if (queueSize < tail || queueSize < head) {
            return kIOReturnUnderrun;
        }
        long newTail;
        if (tail >= head) {
            if (tail + entrySize <= queueSize) {
                put(tail, data);
                newTail = tail + entrySize;
            } else if (head > entrySize) {
                put(0, data);
                if (queueSize - tail >= DATA_QUEUE_ENTRY_HEADER_SIZE) {
                    q.putInt(DATA_QUEUE_MEMORY_HEADER_SIZE + (int) tail, data.length);
                }
                newTail = entrySize;
            } else {
                return kIOReturnOverrun;
            }
        } else if (head - tail > entrySize) {
            put(tail, data);
            newTail = tail + entrySize;
        } else {
            return kIOReturnOverrun;
        }
        q.putInt(TAIL_OFFSET, (int) newTail);
        return kIOReturnSuccess;
    }

    private void put(long offset, byte[] data) {
        int at = DATA_QUEUE_MEMORY_HEADER_SIZE + (int) offset;
        q.putInt(at, data.length);
        q.put(at + DATA_QUEUE_ENTRY_HEADER_SIZE, data);
    }
}
