package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.SnapshotReader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code ioreg} text ({@code ioreg}, {@code ioreg -l}, {@code -lw0}, {@code -x}, {@code -i}, {@code -c}…)
 * line by line. Structure comes from the tree prefix: a header at depth n is n pairs of "| "/"  " then "+-o ";
 * its property block lines are n+2 pairs then "{", "}", or two spaces and {@code "key" = value}; a line of the
 * pairs alone follows each block. A value runs to the end of its line and, because ioreg does not escape
 * strings and -w0 does not fold them, over the following lines until one that continues the block.
 *
 * <p>Entries are keyed by ID: an entry with two parents is printed once under each, and its second copy links
 * the second parent instead of making a duplicate (values that changed between the copies are kept for the
 * writer, see {@link IoregTextInfo}). Headers without IDs (ioreg before 78) get IDs counted from the root's.
 */
public final class IoregTextReader implements SnapshotReader {
    private static final Pattern FIRST_LINE = Pattern.compile("^(?:[| ] )*\\+-o \\S");

    @Override
    public SnapshotFormat format() {
        return SnapshotFormat.IOREG_TEXT;
    }

    @Override
    public boolean sniff(byte[] head, String fileName) {
        int end = 0;
        while (end < head.length && head[end] != '\n' && end < 1024) {
            end++;
        }
        return FIRST_LINE.matcher(new String(head, 0, end, StandardCharsets.ISO_8859_1)).find();
    }

    @Override
    public Snapshot read(byte[] data, String name, ParseLimits limits) throws SnapshotException {
        return read(data, name, limits, (String) null);
    }

    /**
     * Reads with a known plane (the dumps do not name it; {@code ioreg -p PLANE} made them). With {@code plane}
     * null the plane is guessed from the content: IODeviceTree when the platform expert is named "/" or
     * "device-tree", else IOService.
     */
    public Snapshot read(byte[] data, String name, ParseLimits limits, String plane) throws SnapshotException {
        if (data.length > limits.maxFileBytes()) {
            throw new SnapshotException(name, null, "file larger than " + limits.maxFileBytes() + " bytes");
        }
        String text = new String(data, StandardCharsets.ISO_8859_1);
        boolean crlf = text.contains("\r\n");
        if (crlf) {
            text = text.replace("\r\n", "\n");
        }
        String planeName = plane != null ? plane : IoregPlaneGuess.guess(text);
        try {
            new IORegistryPlane(planeName);
        } catch (IllegalArgumentException e) {
            throw new SnapshotException(name, null, "bad plane name \"" + planeName + "\"");
        }
        IoregTextParse parse = new IoregTextParse(text, name, limits, planeName);
        IORegistry registry = parse.run();
        OSDictionary.Builder info = OSDictionary.builder();
        info.put(IoregTextInfo.PLANE, OSString.of(planeName));
        info.put(IoregTextInfo.PROPERTIES, OSString.of(parse.propertiesMode()));
        info.put(IoregTextInfo.HEX, OSBoolean.of(parse.sawHex && !parse.sawDecimal));
        info.put(IoregTextInfo.IDS, OSBoolean.of(parse.sawIds));
        info.put(IoregTextInfo.INHERITANCE, OSBoolean.of(parse.sawInheritance));
        info.put(IoregTextInfo.WIDTH, OSNumber.of32(0));
        info.put(IoregTextInfo.SET_BRACKETS, OSBoolean.of(parse.sawSet));
        info.put(IoregTextInfo.FRAGMENTS, OSBoolean.of(parse.fragments));
        int newlines = 0;
        while (newlines < text.length() && text.charAt(text.length() - 1 - newlines) == '\n') {
            newlines++;
        }
        info.put(IoregTextInfo.TRAILING_NEWLINES, OSNumber.of32(newlines));
        info.put("ioreg.bold", OSBoolean.of(parse.sawBold));
        info.put("ioreg.crlf", OSBoolean.of(crlf));
        return new Snapshot(registry, SnapshotFormat.IOREG_TEXT, info.build(), name,
                parse.truncation == null ? List.of() : List.of(parse.truncation));
    }

    /** Splits text into lines without the final empty string a trailing newline makes. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                out.add(text.substring(start));
                break;
            }
            out.add(text.substring(start, nl));
            start = nl + 1;
        }
        return out;
    }
}
