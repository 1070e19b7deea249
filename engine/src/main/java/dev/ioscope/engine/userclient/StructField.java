package dev.ioscope.engine.userclient;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * One field of a method's structure, described beside the method table (MethodTableJson {@code "structure"}) so a
 * console can offer typed fields instead of raw hex: a name, a byte offset and a type — {@code u8}, {@code u16},
 * {@code u32}, {@code u64} (little-endian unsigned, the host order of the Macs IOScope models), {@code fourcc} (a
 * four-character code such as an SMC key: a UInt32 whose big-endian bytes are the characters, stored
 * little-endian, as {@code SMCParamStruct.key} is) or {@code bytes} ({@code size} raw bytes, hex).
 */
public record StructField(String name, int offset, String type, int size) {
    public static final List<String> TYPES = List.of("u8", "u16", "u32", "u64", "fourcc", "bytes");

    public StructField {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("type must be one of " + TYPES + ", not " + type);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset is negative");
        }
        size = width(type, size);
        if (size <= 0) {
            throw new IllegalArgumentException("a bytes field needs a positive size");
        }
    }

    private static int width(String type, int size) {
        return switch (type) {
            case "u8" -> 1;
            case "u16" -> 2;
            case "u32", "fourcc" -> 4;
            case "u64" -> 8;
            default -> size;
        };
    }

    /** The offset just past the field. */
    public int end() {
        return offset + size;
    }

    /** The field's value in {@code struct} as text (decimal and hex for numbers); "" when the struct is shorter. */
    public String format(byte[] struct) {
        if (struct.length < end()) {
            return "";
        }
        ByteBuffer b = ByteBuffer.wrap(struct).order(ByteOrder.LITTLE_ENDIAN);
        long v;
        switch (type) {
            case "u8" -> v = Byte.toUnsignedLong(b.get(offset));
            case "u16" -> v = Short.toUnsignedLong(b.getShort(offset));
            case "u32" -> v = Integer.toUnsignedLong(b.getInt(offset));
            case "u64" -> v = b.getLong(offset);
            case "fourcc" -> {
                int k = b.getInt(offset);
                byte[] chars = ByteBuffer.allocate(4).putInt(k).array();
                boolean printable = true;
                for (byte c : chars) {
                    printable &= c >= 0x20 && c < 0x7f;
                }
                String hex = "0x" + Integer.toHexString(k);
                return printable ? "'" + new String(chars, StandardCharsets.ISO_8859_1) + "' (" + hex + ")" : hex;
            }
            default -> {
                return HexFormat.of().formatHex(struct, offset, end());
            }
        }
        return Long.toUnsignedString(v) + " (0x" + Long.toHexString(v) + ")";
    }

    /**
     * Writes {@code text} into {@code struct} at the field: numbers in decimal or 0x hex, a fourcc as four
     * characters, bytes as hex (shorter input leaves the rest).
     *
     * @throws IllegalArgumentException naming the field when the text does not fit its type
     */
    public void encode(String text, byte[] struct) {
        String t = text.trim();
        if (struct.length < end()) {
            throw new IllegalArgumentException(name + " lies past the structure's " + struct.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(struct).order(ByteOrder.LITTLE_ENDIAN);
        try {
            switch (type) {
                case "fourcc" -> {
                    if (t.length() != 4) {
                        throw new IllegalArgumentException(name + " is a four-character code, not \"" + t + "\"");
                    }
                    b.putInt(offset, ByteBuffer.wrap(t.getBytes(StandardCharsets.ISO_8859_1)).getInt());
                }
                case "bytes" -> {
                    byte[] v = HexFormat.of().parseHex(t.replaceAll("\\s+", ""));
                    if (v.length > size) {
                        throw new IllegalArgumentException(name + " holds " + size + " bytes, not " + v.length);
                    }
                    System.arraycopy(v, 0, struct, offset, v.length);
                }
                default -> {
                    long v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16)
                            : Long.parseLong(t);
                    if (size < 8 && (v < 0 || v >>> (8 * size) != 0)) {
                        throw new IllegalArgumentException(name + " (" + type + ") cannot hold " + t);
                    }
                    switch (size) {
                        case 1 -> b.put(offset, (byte) v);
                        case 2 -> b.putShort(offset, (short) v);
                        case 4 -> b.putInt(offset, (int) v);
                        default -> b.putLong(offset, v);
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " (" + type + ") is not a number: " + t);
        }
    }
}
