package dev.ioscope.engine.service.kext;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.snapshot.SnapshotException;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A small reader of Apple's XML property lists (the format of a kext's {@code Info.plist}), enough for the
 * catalogue: dict, array, string, integer, real (kept as its text, I/O Kit has no float type), true, false,
 * data, date (as a string). Apple's PLIST DOCTYPE line is accepted; no DTD is ever fetched and entity
 * declarations are refused. Nesting is bounded so a hostile file cannot overflow the stack.
 *
 * <p>Integers become 64-bit OSNumbers when they do not fit in 32 bits, 32-bit otherwise — libkern's
 * OSUnserializeXML sizes them the same way for kext personalities ({@code IOProbeScore} is read as 32-bit).
 */
public final class StaxPlistDecoder implements PlistDecoder {
    private static final int MAX_DEPTH = 256;

    @Override
    public OSObject decode(byte[] data, String name) throws SnapshotException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(new ByteArrayInputStream(data));
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    String dtd = r.getText();
                    if (dtd.contains("<!ENTITY")) {
                        throw fail(name, r, "DOCTYPE declares entities; refused");
                    }
                } else if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (!"plist".equals(r.getLocalName())) {
                        throw fail(name, r, "root element is <" + r.getLocalName() + ">, not <plist>");
                    }
                    OSObject value = null;
                    while (r.hasNext()) {
                        int e = r.next();
                        if (e == XMLStreamConstants.START_ELEMENT) {
                            value = readValue(r, name, 1);
                        } else if (e == XMLStreamConstants.END_ELEMENT) {
                            break;
                        }
                    }
                    if (value == null) {
                        throw fail(name, r, "empty <plist>");
                    }
                    return value;
                }
            }
            throw new SnapshotException(name, null, "no <plist> element");
        } catch (XMLStreamException e) {
            Location l = e.getLocation();
            throw new SnapshotException(name, l == null ? null : l.getLineNumber() + ":" + l.getColumnNumber(),
                    "malformed XML: " + e.getMessage().replaceAll("\\s+", " "));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }

    private OSObject readValue(XMLStreamReader r, String name, int depth) throws XMLStreamException, SnapshotException {
        if (depth > MAX_DEPTH) {
            throw fail(name, r, "nesting deeper than " + MAX_DEPTH);
        }
        String tag = r.getLocalName();
        switch (tag) {
            case "dict": {
                OSDictionary.Builder b = OSDictionary.builder();
                String key = null;
                while (true) {
                    int e = r.nextTag();
                    if (e == XMLStreamConstants.END_ELEMENT) {
                        if (key != null) {
                            throw fail(name, r, "<key>" + key + "</key> without a value");
                        }
                        return b.build();
                    }
                    if ("key".equals(r.getLocalName())) {
                        if (key != null) {
                            throw fail(name, r, "two <key>s in a row");
                        }
                        key = r.getElementText();
                    } else {
                        if (key == null) {
                            throw fail(name, r, "<" + r.getLocalName() + "> in a <dict> without a <key>");
                        }
                        b.put(key, readValue(r, name, depth + 1));
                        key = null;
                    }
                }
            }
            case "array": {
                List<OSObject> items = new ArrayList<>();
                while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    items.add(readValue(r, name, depth + 1));
                }
                return OSArray.of(items);
            }
            case "string":
            case "date":
            case "real":
                return OSString.of(r.getElementText());
            case "integer":
                return integer(r, name, r.getElementText().strip());
            case "true":
                r.nextTag();
                return OSBoolean.TRUE;
            case "false":
                r.nextTag();
                return OSBoolean.FALSE;
            case "data":
                try {
                    return OSData.wrap(Base64.getMimeDecoder().decode(r.getElementText().replaceAll("\\s", "")));
                } catch (IllegalArgumentException e) {
                    throw fail(name, r, "bad base64 in <data>");
                }
            default:
                throw fail(name, r, "unknown plist element <" + tag + ">");
        }
    }

    private static OSNumber integer(XMLStreamReader r, String name, String text) throws SnapshotException {
        try {
            boolean hex = text.startsWith("0x") || text.startsWith("0X");
            BigInteger v = hex ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
            if (v.bitLength() > 64) {
                throw fail(name, r, "integer " + text + " does not fit in 64 bits");
            }
            long l = v.longValue();
            boolean fits32 = v.signum() < 0 ? v.bitLength() < 32 : v.bitLength() <= 32;
            return OSNumber.of(l, fits32 ? 32 : 64);
        } catch (NumberFormatException e) {
            throw fail(name, r, "bad <integer> " + text);
        }
    }

    private static SnapshotException fail(String name, XMLStreamReader r, String problem) {
        Location l = r.getLocation();
        return new SnapshotException(name, l == null ? null : l.getLineNumber() + ":" + l.getColumnNumber(), problem);
    }
}
