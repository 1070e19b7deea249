package dev.ioscope.engine.userclient;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The part of {@code IOMemoryDescriptor} a user client sees: a run of bytes with a length that the kernel can read
 * and write. Backed by one little-endian {@link ByteBuffer}; {@link #map()} hands out views of the SAME memory, so a
 * driver and a client that both map it see each other's writes (what {@code IOConnectMapMemory} gives).
 */
public final class IOMemoryDescriptor {
    private final ByteBuffer memory;

    private IOMemoryDescriptor(ByteBuffer memory) {
        this.memory = memory.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A zero-filled buffer of {@code length} bytes ({@code IOBufferMemoryDescriptor::withCapacity}). */
    public static IOMemoryDescriptor withCapacity(int length) {
        return new IOMemoryDescriptor(ByteBuffer.allocate(length));
    }

    /** Wraps caller memory without copying ({@code withAddressRange} on a task's buffer). */
    public static IOMemoryDescriptor withBytes(byte[] bytes) {
        return new IOMemoryDescriptor(ByteBuffer.wrap(bytes));
    }

    public long getLength() {
        return memory.capacity();
    }

    /** {@code readBytes(offset, bytes, length)}: copies out, returns the count copied. */
    public int readBytes(int offset, byte[] dst, int length) {
        if (offset < 0 || offset > memory.capacity()) {
            return 0;
        }
        int n = Math.max(0, Math.min(Math.min(length, dst.length), memory.capacity() - offset));
        memory.get(offset, dst, 0, n);
        return n;
    }

    /** {@code writeBytes(offset, bytes, length)}: copies in, returns the count copied. */
    public int writeBytes(int offset, byte[] src, int length) {
        if (offset < 0 || offset > memory.capacity()) {
            return 0;
        }
        int n = Math.max(0, Math.min(Math.min(length, src.length), memory.capacity() - offset));
        memory.put(offset, src, 0, n);
        return n;
    }

    /** A little-endian view of the same memory (a mapping). */
    public ByteBuffer map() {
        return memory.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN);
    }
}
