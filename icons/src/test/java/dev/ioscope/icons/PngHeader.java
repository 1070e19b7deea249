package dev.ioscope.icons;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads a PNG's width and height from its IHDR chunk, the way a container reader sees the embedded file. */
record PngHeader(int width, int height, int bitDepth, int colourType) {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static PngHeader read(byte[] file, int offset, int length) {
        if (length < 33 || !Arrays.equals(file, offset, offset + 8, SIGNATURE, 0, 8)) {
            throw new AssertionError("no PNG signature at byte " + offset);
        }
        ByteBuffer b = ByteBuffer.wrap(file, offset, length);
        b.position(offset + 12);
        byte[] type = new byte[4];
        b.get(type);
        if (!new String(type, StandardCharsets.US_ASCII).equals("IHDR")) {
            throw new AssertionError("first PNG chunk is not IHDR at byte " + offset);
        }
        return new PngHeader(b.getInt(), b.getInt(), b.get(), b.get());
    }
}
