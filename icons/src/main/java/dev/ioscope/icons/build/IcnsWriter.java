package dev.ioscope.icons.build;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * macOS {@code .icns}: the magic {@code icns} and the file length (big-endian), then elements of a four-letter
 * type, their length including that 8-byte header, and their data. The PNG-carrying types and the pixel size
 * each must hold (Apple's IconFamily.h / iconutil): icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512,
 * ic10 1024 (512@2x), ic11 32 (16@2x), ic12 64 (32@2x), ic13 256 (128@2x), ic14 512 (256@2x).
 */
final class IcnsWriter {
    /** Element type → the pixel size of the PNG it carries. */
    static final Map<String, Integer> TYPES = types();

    private IcnsWriter() {
    }

    private static Map<String, Integer> types() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("icp4", 16);
        m.put("icp5", 32);
        m.put("icp6", 64);
        m.put("ic07", 128);
        m.put("ic08", 256);
        m.put("ic09", 512);
        m.put("ic10", 1024);
        m.put("ic11", 32);
        m.put("ic12", 64);
        m.put("ic13", 256);
        m.put("ic14", 512);
        return m;
    }

    static byte[] write(Map<Integer, Png> bySize) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, Integer> type : TYPES.entrySet()) {
            Png png = bySize.get(type.getValue());
            if (png == null) {
                throw new IllegalArgumentException("no " + type.getValue() + " px image for " + type.getKey());
            }
            body.writeBytes(type.getKey().getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(ByteBuffer.allocate(4).putInt(8 + png.bytes().length).array());
            body.writeBytes(png.bytes());
        }
        ByteBuffer out = ByteBuffer.allocate(8 + body.size());
        out.put("icns".getBytes(StandardCharsets.US_ASCII)).putInt(8 + body.size()).put(body.toByteArray());
        return out.array();
    }
}
