package dev.ioscope.engine.report;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code IOReportChannelType} (packed, 8 bytes): {@code uint8 report_format, uint8 reserved (0), uint16 categories,
 * uint16 nelements, int16 element_idx}. In an {@link IOReportElement} {@code element_idx} says which element of
 * the channel the values are.
 */
public record IOReportChannelType(int reportFormat, int categories, int nelements, int elementIdx) {

    public IOReportChannelType withElementIdx(int idx) {
        return new IOReportChannelType(reportFormat, categories, nelements, idx);
    }

    /** The 8 bytes as the packed C struct lays them out on a little-endian machine. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put((byte) reportFormat).put((byte) 0)
                .putShort((short) categories).putShort((short) nelements).putShort((short) elementIdx).array();
    }

    public static IOReportChannelType fromBytes(byte[] b) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int format = bb.get() & 0xff;
        bb.get();
        int categories = bb.getShort() & 0xffff;
        int n = bb.getShort() & 0xffff;
        return new IOReportChannelType(format, categories, n, bb.getShort());
    }
}
