package dev.ioscope.engine.snapshot.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSSymbol;
import dev.ioscope.engine.os.OSUnserializable;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * libkern values in JSON, natural where JSON can say it and tagged where it cannot, so that every value
 * survives a round trip exactly:
 * <ul>
 *   <li>OSString → JSON string; OSBoolean → true/false; OSArray → array; OSDictionary → object (in order).</li>
 *   <li>OSNumber of the default width (32 bits when the value fits, else 64) → a JSON integer (unsigned);
 *       another width → {@code {"$number": 5, "bits": 8}}.</li>
 *   <li>OSData → {@code {"$data": "hex"}}; OSSymbol → {@code {"$symbol": "s"}}; OSSet → {@code {"$set": [...]}};
 *       OSUnserializable → {@code {"$unserializable": "text"}}.</li>
 *   <li>A dictionary with a key starting with '$' is wrapped as {@code {"$dict": {...}}} so it is never
 *       mistaken for a tag.</li>
 * </ul>
 */
public final class JsonValues {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private JsonValues() {
    }

    /** The width a plain JSON integer stands for. */
    static int defaultBits(long unsignedValue) {
        return (unsignedValue & 0xFFFFFFFF00000000L) == 0 ? 32 : 64;
    }

    public static void write(JsonGenerator g, OSObject v) throws IOException {
        if (v instanceof OSString s) {
            g.writeString(s.value());
        } else if (v instanceof OSBoolean b) {
            g.writeBoolean(b.value());
        } else if (v instanceof OSNumber n) {
            if (n.bits() == defaultBits(n.value())) {
                writeUnsigned(g, n.value());
            } else {
                g.writeStartObject();
                g.writeFieldName("$number");
                writeUnsigned(g, n.value());
                g.writeNumberField("bits", n.bits());
                g.writeEndObject();
            }
        } else if (v instanceof OSData d) {
            tagged(g, "$data", d.toHex());
        } else if (v instanceof OSSymbol s) {
            tagged(g, "$symbol", s.value());
        } else if (v instanceof OSUnserializable u) {
            tagged(g, "$unserializable", u.text());
        } else if (v instanceof OSSet set) {
            g.writeStartObject();
            g.writeArrayFieldStart("$set");
            for (OSObject m : set.members()) {
                write(g, m);
            }
            g.writeEndArray();
            g.writeEndObject();
        } else if (v instanceof OSArray a) {
            g.writeStartArray();
            for (OSObject m : a.items()) {
                write(g, m);
            }
            g.writeEndArray();
        } else if (v instanceof OSDictionary d) {
            writeDictionary(g, d);
        } else {
            throw new IllegalArgumentException("unknown value type " + v.typeName());
        }
    }

    private static void tagged(JsonGenerator g, String tag, String text) throws IOException {
        g.writeStartObject();
        g.writeStringField(tag, text);
        g.writeEndObject();
    }

    public static void writeDictionary(JsonGenerator g, OSDictionary d) throws IOException {
        boolean wrap = false;
        for (int i = 0; i < d.size(); i++) {
            if (d.keyAt(i).startsWith("$")) {
                wrap = true;
                break;
            }
        }
        if (wrap) {
            g.writeStartObject();
            g.writeFieldName("$dict");
        }
        g.writeStartObject();
        for (int i = 0; i < d.size(); i++) {
            g.writeFieldName(d.keyAt(i));
            write(g, d.valueAt(i));
        }
        g.writeEndObject();
        if (wrap) {
            g.writeEndObject();
        }
    }

    private static void writeUnsigned(JsonGenerator g, long v) throws IOException {
        if (v >= 0) {
            g.writeNumber(v);
        } else {
            g.writeNumber(BigInteger.valueOf(v).add(TWO_64));
        }
    }

    /** Reads one value; the parser is on the value's first token. {@code depth} bounds nesting. */
    public static OSObject read(JsonParser p, int depth, int maxDepth) throws IOException {
        if (depth > maxDepth) {
            throw new JsonFormatException("nesting deeper than " + maxDepth);
        }
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new JsonFormatException("unexpected end of input");
        }
        return switch (t) {
            case VALUE_STRING -> new OSString(p.getText());
            case VALUE_TRUE -> OSBoolean.TRUE;
            case VALUE_FALSE -> OSBoolean.FALSE;
            case VALUE_NUMBER_INT -> {
                long v = unsigned(p);
                yield new OSNumber(v, defaultBits(v));
            }
            case START_ARRAY -> {
                List<OSObject> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, depth + 1, maxDepth));
                }
                yield OSArray.of(items);
            }
            case START_OBJECT -> readObject(p, depth, maxDepth);
            default -> throw new JsonFormatException("a " + t + " is not a libkern value");
        };
    }

    private static long unsigned(JsonParser p) throws IOException {
        BigInteger b = p.getBigIntegerValue();
        if (b.signum() < 0) {
            if (b.bitLength() > 63) {
                throw new JsonFormatException("number " + b + " out of 64-bit range");
            }
            return b.longValue();
        }
        if (b.bitLength() > 64) {
            throw new JsonFormatException("number " + b + " out of 64-bit range");
        }
        return b.longValue();
    }

    private static OSObject readObject(JsonParser p, int depth, int maxDepth) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.FIELD_NAME && p.currentName().startsWith("$")) {
            String tag = p.currentName();
            p.nextToken();
            OSObject result = switch (tag) {
                case "$data" -> OSData.ofHex(requireString(p, tag));
                case "$symbol" -> new OSSymbol(requireString(p, tag));
                case "$unserializable" -> new OSUnserializable(requireString(p, tag));
                case "$dict" -> {
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        throw new JsonFormatException("$dict needs an object");
                    }
                    yield readPlainDictionary(p, depth, maxDepth);
                }
                case "$set" -> {
                    OSObject a = read(p, depth + 1, maxDepth);
                    if (!(a instanceof OSArray arr)) {
                        throw new JsonFormatException("$set needs an array");
                    }
                    yield new OSSet(arr.items());
                }
                case "$number" -> {
                    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                        throw new JsonFormatException("$number needs an integer");
                    }
                    long v = unsigned(p);
                    if (p.nextToken() != JsonToken.FIELD_NAME || !"bits".equals(p.currentName())) {
                        throw new JsonFormatException("$number needs \"bits\"");
                    }
                    p.nextToken();
                    yield new OSNumber(v, p.getIntValue());
                }
                default -> throw new JsonFormatException("unknown tag " + tag);
            };
            if (p.nextToken() != JsonToken.END_OBJECT) {
                throw new JsonFormatException("unexpected field after " + tag);
            }
            return result;
        }
        return readFields(p, depth, maxDepth);
    }

    private static OSDictionary readPlainDictionary(JsonParser p, int depth, int maxDepth) throws IOException {
        p.nextToken();
        return readFields(p, depth, maxDepth);
    }

    /** Reads fields from the current FIELD_NAME (or END_OBJECT) to the end of the object. */
    private static OSDictionary readFields(JsonParser p, int depth, int maxDepth) throws IOException {
        OSDictionary.Builder b = OSDictionary.builder();
        for (JsonToken t = p.currentToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                throw new JsonFormatException("expected a key, found " + t);
            }
            String key = p.currentName();
            p.nextToken();
            b.put(key, read(p, depth + 1, maxDepth));
        }
        return b.build();
    }

    private static String requireString(JsonParser p, String tag) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new JsonFormatException(tag + " needs a string");
        }
        return p.getText();
    }

    /** A JSON document that is well-formed JSON but not an IOScope registry. */
    static final class JsonFormatException extends IOException {
        JsonFormatException(String message) {
            super(message);
        }
    }
}
