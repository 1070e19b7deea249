package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.userclient.IODataQueueLayout.DATA_QUEUE_ENTRY_HEADER_SIZE;
import static dev.ioscope.engine.userclient.IODataQueueLayout.DATA_QUEUE_MEMORY_HEADER_SIZE;
import static dev.ioscope.engine.userclient.IODataQueueLayout.HEAD_OFFSET;
import static dev.ioscope.engine.userclient.IODataQueueLayout.TAIL_OFFSET;

import java.nio.ByteBuffer;

/**
 * The kernel side of a shared data queue, step for step as {@code iokit/Kernel/IOSharedDataQueue.cpp}: enqueue,
 * peek and dequeue over the shared bytes, with the kernel's private copy of the queue size (so a client that
 * scribbles on the shared {@code queueSize} cannot move the kernel out of bounds). All offsets are UInt32; the
 * overflow checks of the C code are kept, done in 64-bit arithmetic.
 */
public final class IOSharedDataQueue {
    private static final long UINT32_MAX = 0xffffffffL;

    private final IOMemoryDescriptor memory;
    private final ByteBuffer q;
    private final long queueSize; // _reserved->queueSize, kernel-private
    private NotificationPort notificationPort;
    private long notificationsSent;

    private IOSharedDataQueue(int size) {
        this.queueSize = size;
        this.memory = IOMemoryDescriptor.withCapacity(IODataQueueLayout.memorySize(size));
        this.q = memory.map();
        q.putInt(IODataQueueLayout.QUEUE_SIZE_OFFSET, size);
        // head, tail and the appendix (version 0, msgh) start zeroed (kmem_alloc with KMA_ZERO)
        q.putInt(IODataQueueLayout.appendixOffset(size), 0);
    }

    /** {@code withCapacity(size)}: null when size + header + appendix would overflow a UInt32. */
    public static IOSharedDataQueue withCapacity(int size) {
        long s = Integer.toUnsignedLong(size);
        if (s > UINT32_MAX - DATA_QUEUE_MEMORY_HEADER_SIZE - IODataQueueLayout.DATA_QUEUE_MEMORY_APPENDIX_SIZE
                || s > Integer.MAX_VALUE - 64) {
            return null;
        }
        return new IOSharedDataQueue(size);
    }

    /**
     * {@code withEntries(numEntries, entrySize)} (IODataQueue.cpp): capacity = numEntries * (entrySize + 4),
     * refusing overflow.
     */
    public static IOSharedDataQueue withEntries(int numEntries, int entrySize) {
        long perEntry = Integer.toUnsignedLong(entrySize) + DATA_QUEUE_ENTRY_HEADER_SIZE;
        long total = Integer.toUnsignedLong(numEntries) * perEntry;
        if (perEntry > UINT32_MAX || total > UINT32_MAX) {
            return null;
        }
        return withCapacity((int) total);
    }

    /** {@code getMemoryDescriptor()}: header + queue + appendix. */
    public IOMemoryDescriptor getMemoryDescriptor() {
        return memory;
    }

    public int getQueueSize() {
        return (int) queueSize;
    }

    /** {@code setNotificationPort}: where data-available messages go (MACH_PORT_NULL = none). */
    public void setNotificationPort(NotificationPort port) {
        this.notificationPort = port;
    }

    public long notificationsSent() {
        return notificationsSent;
    }

    private long head() {
        return Integer.toUnsignedLong(q.getInt(HEAD_OFFSET));
    }

    private long tail() {
        return Integer.toUnsignedLong(q.getInt(TAIL_OFFSET));
    }

    private long sizeAt(long offset) {
        return Integer.toUnsignedLong(q.getInt(DATA_QUEUE_MEMORY_HEADER_SIZE + (int) offset));
    }

    /**
     * {@code enqueue(data, dataSize)}: writes at tail when the entry fits before the end; otherwise, when there is
     * room before head ({@code head > entrySize}, strictly, so tail never catches head), writes the entry at the
     * start and — if at least 4 bytes remain at the old tail — also writes the size there, so a reader at the old
     * tail finds a size that does not fit and wraps. Sends the data-available notification when the queue was
     * empty (tail == head, re-read after publishing the tail).
     */
    public boolean enqueue(byte[] data, int dataSize) {
        if (data == null || Integer.toUnsignedLong(dataSize) > data.length) {
            throw new IllegalArgumentException("dataSize " + Integer.toUnsignedLong(dataSize) + " exceeds the data");
        }
        long tail = tail();
        long head = head();
        long size = Integer.toUnsignedLong(dataSize);
        if (size > UINT32_MAX - DATA_QUEUE_ENTRY_HEADER_SIZE) {
            return false;
        }
        long entrySize = size + DATA_QUEUE_ENTRY_HEADER_SIZE;
        if (queueSize < tail || queueSize < head) {
            return false;
        }
        long newTail;
        if (tail >= head) {
            if (entrySize <= UINT32_MAX - tail && tail + entrySize <= queueSize) {
                writeEntry(tail, data, dataSize);
                newTail = tail + entrySize;
            } else if (head > entrySize) {
                q.putInt(DATA_QUEUE_MEMORY_HEADER_SIZE, dataSize);
                if (queueSize - tail >= DATA_QUEUE_ENTRY_HEADER_SIZE) {
                    q.putInt(DATA_QUEUE_MEMORY_HEADER_SIZE + (int) tail, dataSize);
                }
                q.put(DATA_QUEUE_MEMORY_HEADER_SIZE + DATA_QUEUE_ENTRY_HEADER_SIZE, data, 0, dataSize);
                newTail = entrySize;
            } else {
                return false; // full
            }
        } else {
            if (head - tail > entrySize) {
                writeEntry(tail, data, dataSize);
                newTail = tail + entrySize;
            } else {
                return false; // full
            }
        }
        q.putInt(TAIL_OFFSET, (int) newTail);
        if (tail != head) {
            head = head(); // the barrier-and-reload of the C code
        }
        if (tail == head) {
            sendDataAvailableNotification();
        }
        return true;
    }

    private void writeEntry(long offset, byte[] data, int dataSize) {
        int at = DATA_QUEUE_MEMORY_HEADER_SIZE + (int) offset;
        q.putInt(at, dataSize);
        q.put(at + DATA_QUEUE_ENTRY_HEADER_SIZE, data, 0, dataSize);
    }

    private void sendDataAvailableNotification() {
        notificationsSent++;
        if (notificationPort != null) {
            notificationPort.send();
        }
    }

    /** {@code peek()}: the offset (relative to {@code queue}) of the next entry, or -1 when empty or corrupt. */
    public long peekOffset() {
        long head = head();
        long tail = tail();
        if (head == tail || head > queueSize) {
            return -1;
        }
        long headSize = sizeAt(head);
        if (head > UINT32_MAX - DATA_QUEUE_ENTRY_HEADER_SIZE || head + DATA_QUEUE_ENTRY_HEADER_SIZE > queueSize
                || head + DATA_QUEUE_ENTRY_HEADER_SIZE > UINT32_MAX - headSize
                || head + headSize + DATA_QUEUE_ENTRY_HEADER_SIZE > queueSize) {
            return 0;
        }
        return head;
    }

    /** {@code peek()} with the entry's data copied out, or null. */
    public byte[] peek() {
        long at = peekOffset();
        if (at < 0) {
            return null;
        }
        long size = sizeAt(at);
        if (size + DATA_QUEUE_ENTRY_HEADER_SIZE + at > queueSize) {
            return null;
        }
        byte[] out = new byte[(int) size];
        q.get(DATA_QUEUE_MEMORY_HEADER_SIZE + (int) at + DATA_QUEUE_ENTRY_HEADER_SIZE, out);
        return out;
    }

    /**
     * {@code dequeue(data, &dataSize)}: false when empty, corrupt, or when {@code room} is smaller than the entry (the
     * entry then stays). Returns the data, or null for false. {@code room < 0} = the C call with {@code data == NULL}
     * (drop the entry without copying; returns an empty array).
     */
    public byte[] dequeue(int room) {
        long head = head();
        long tail = tail();
        if (head == tail || head > queueSize) {
            return null;
        }
        long headSize = sizeAt(head);
        long entryAt;
        long entrySize;
        long newHead;
        if (head > UINT32_MAX - DATA_QUEUE_ENTRY_HEADER_SIZE || head + DATA_QUEUE_ENTRY_HEADER_SIZE > queueSize
                || head + DATA_QUEUE_ENTRY_HEADER_SIZE > UINT32_MAX - headSize
                || head + headSize + DATA_QUEUE_ENTRY_HEADER_SIZE > queueSize) {
            entryAt = 0;
            entrySize = sizeAt(0);
            if (entrySize > UINT32_MAX - DATA_QUEUE_ENTRY_HEADER_SIZE
                    || entrySize + DATA_QUEUE_ENTRY_HEADER_SIZE > queueSize) {
                return null;
            }
            newHead = entrySize + DATA_QUEUE_ENTRY_HEADER_SIZE;
        } else {
            entryAt = head;
            entrySize = headSize;
            if (entrySize > UINT32_MAX - DATA_QUEUE_ENTRY_HEADER_SIZE
                    || entrySize + DATA_QUEUE_ENTRY_HEADER_SIZE > UINT32_MAX - head
                    || entrySize + DATA_QUEUE_ENTRY_HEADER_SIZE + head > queueSize) {
                return null;
            }
            newHead = head + entrySize + DATA_QUEUE_ENTRY_HEADER_SIZE;
        }
        byte[] out = new byte[0];
        if (room >= 0) {
            if (entrySize > room) {
                return null;
            }
            out = new byte[(int) entrySize];
            q.get(DATA_QUEUE_MEMORY_HEADER_SIZE + (int) entryAt + DATA_QUEUE_ENTRY_HEADER_SIZE, out);
        }
        q.putInt(HEAD_OFFSET, (int) newHead);
        return out;
    }
}
