package dev.ioscope.icons.build;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Windows {@code .ico}: ICONDIR (reserved 0, type 1 = icon, count), one 16-byte ICONDIRENTRY per image, then the
 * images. Every image is stored as a whole PNG file, which Windows Vista and later read for any size; a width or
 * height byte of 0 means 256, so 256 is the largest size an ICO entry can state.
 */
final class IcoWriter {
    private IcoWriter() {
    }

    static byte[] write(List<Png> images) {
        int headerSize = 6 + 16 * images.size();
        ByteBuffer head = ByteBuffer.allocate(headerSize).order(ByteOrder.LITTLE_ENDIAN);
        head.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        int offset = headerSize;
        for (Png png : images) {
            if (png.size() > 256) {
                throw new IllegalArgumentException("an ICO entry holds at most 256 x 256, not " + png.size());
            }
            byte side = (byte) (png.size() == 256 ? 0 : png.size());
            head.put(side).put(side).put((byte) 0).put((byte) 0); // width, height, no palette, reserved
            head.putShort((short) 1).putShort((short) 32); // colour planes, bits per pixel
            head.putInt(png.bytes().length).putInt(offset);
            offset += png.bytes().length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(offset);
        out.writeBytes(head.array());
        images.forEach(png -> out.writeBytes(png.bytes()));
        return out.toByteArray();
    }
}
