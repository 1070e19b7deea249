package dev.ioscope.engine.userclient;

/**
 * The shared memory of an IODataQueue ({@code iokit/IOKit/IODataQueueShared.h}), little-endian:
 * <pre>
 *  0  UInt32 queueSize           IODataQueueMemory
 *  4  UInt32 head                (offset of the next entry to dequeue, relative to queue)
 *  8  UInt32 tail                (offset where the next entry goes)
 * 12  queue[queueSize]           entries: UInt32 size, then size bytes of data — NOT padded
 * 12+queueSize                   IODataQueueAppendix: UInt32 version, mach_msg_header_t msgh (24 bytes)
 * </pre>
 * {@code DATA_QUEUE_ENTRY_HEADER_SIZE} = sizeof(IODataQueueEntry) - 4 = 4; {@code DATA_QUEUE_MEMORY_HEADER_SIZE} =
 * sizeof(IODataQueueMemory) - sizeof(IODataQueueEntry) = 12; {@code DATA_QUEUE_MEMORY_APPENDIX_SIZE} = 4 + 24 = 28.
 * An entry takes exactly {@code size + 4} bytes: enqueue adds the header size and nothing else, so entries are not
 * rounded to 4 bytes (a driver that wants aligned entries rounds its data size itself, as IOHIDFamily does).
 */
public final class IODataQueueLayout {
    public static final int DATA_QUEUE_ENTRY_HEADER_SIZE = 4;
    public static final int DATA_QUEUE_MEMORY_HEADER_SIZE = 12;
    public static final int DATA_QUEUE_MEMORY_APPENDIX_SIZE = 4 + 24;
    public static final int QUEUE_SIZE_OFFSET = 0;
    public static final int HEAD_OFFSET = 4;
    public static final int TAIL_OFFSET = 8;
    /** mach_msg_header_t: bits, size, remote port, local port, voucher port, id. */
    public static final int MSGH_SIZE = 24;

    private IODataQueueLayout() {
    }

    /** Bytes the memory descriptor covers: queue + header + appendix ({@code getMemoryDescriptor}). */
    public static int memorySize(int queueSize) {
        return queueSize + DATA_QUEUE_MEMORY_HEADER_SIZE + DATA_QUEUE_MEMORY_APPENDIX_SIZE;
    }

    /** Offset of the appendix: {@code (UInt8 *)dataQueue + queueSize + DATA_QUEUE_MEMORY_HEADER_SIZE}. */
    public static int appendixOffset(int queueSize) {
        return queueSize + DATA_QUEUE_MEMORY_HEADER_SIZE;
    }
}
