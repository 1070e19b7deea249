package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One run of the text reader over one file: the line state machine behind {@link IoregTextReader}. */
final class IoregTextParse {
    private static final String ROOT_CLASS = "IORegistryEntry";

    /** One entry on the path from the root to the current line. */
    private record Frame(int depth, IORegistryEntry entry, String pathKey, boolean repeat) {
    }

    private final String text;
    private final String file;
    private final ParseLimits limits;
    private final String planeName;
    private final List<String> lines;

    private IORegistry registry;
    private IORegistryPlane plane;
    private final List<Frame> frames = new ArrayList<>();
    private Frame current;
    /** 0: no block, 1: inside "{ … }", 2: after "}", before the line of pairs. */
    private int block;
    private OSDictionary.Builder props;
    private int withBlock;
    private int withoutBlock;
    private boolean currentHadBlock;

    boolean sawHex;
    boolean sawDecimal;
    boolean sawSet;
    boolean sawIds;
    boolean sawInheritance;
    boolean sawBold;
    boolean fragments;
    /** Set by run(): why the text looks cut short, or null. */
    String truncation;

    IoregTextParse(String text, String file, ParseLimits limits, String planeName) {
        this.text = text;
        this.file = file;
        this.limits = limits;
        this.planeName = planeName;
        this.lines = IoregTextReader.lines(text);
    }

    String propertiesMode() {
        return withoutBlock == 0 ? "all" : withBlock == 0 ? "none" : "some";
    }

    IORegistry run() throws SnapshotException {
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            i = line(line, i);
        }
        truncation = truncation();
        finishEntry();
        if (registry == null) {
            throw new SnapshotException(file, "line 1:1", "no registry entry found");
        }
        return registry;
    }

    /**
     * Why the text looks cut short, or null: ioreg closes every property block, and draws a '|' in a column only
     * while a later sibling at that level is still to come, so the last line of a whole dump has neither an open
     * block nor a bar in its indent.
     */
    private String truncation() {
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--;
        }
        if (last < 0 || current == null) {
            return null;
        }
        String where = "line " + (last + 1) + " (in \"" + current.entry.name() + "\")";
        if (block == 1) {
            return "the file looks truncated: it ends at " + where + " inside a property block that is never closed";
        }
        String line = lines.get(last);
        for (int col = 0; col + 1 < line.length() && (line.charAt(col) == '|' || line.charAt(col) == ' ')
                && line.charAt(col + 1) == ' '; col += 2) {
            if (line.charAt(col) == '|') {
                return "the file looks truncated: it ends at " + where + ", where ioreg's '|' at column "
                        + (col + 1) + " promises more entries";
            }
        }
        return null;
    }

    private SnapshotException error(int lineIndex, int col, String problem) {
        if (lineIndex < lines.size() && lines.get(lineIndex).endsWith("$")) {
            // ioreg's println marks a line cut by -w (or the terminal's width) with '$'
            problem += " (the line ends with '$': ioreg clipped it to the terminal width; make the dump with"
                    + " ioreg -lw0)";
        }
        return new SnapshotException(file, "line " + (lineIndex + 1) + ":" + (col + 1), problem);
    }

    /** Handles the line at {@code index}; returns the index of the next line to read. */
    private int line(String line, int index) throws SnapshotException {
        if (line.isEmpty()) {
            if (block == 1) {
                throw error(index, 0, "empty line inside a property block");
            }
            return index + 1;
        }
        int pairs = 0;
        while (pairs * 2 + 1 < line.length() && (line.charAt(pairs * 2) == '|' || line.charAt(pairs * 2) == ' ')
                && line.charAt(pairs * 2 + 1) == ' ' && !line.startsWith("+-o ", pairs * 2)) {
            if (current != null && pairs == current.depth + 2) {
                break;
            }
            pairs++;
        }
        if (line.startsWith("+-o ", pairs * 2)) {
            if (block == 1) {
                throw error(index, pairs * 2, "entry header inside a property block");
            }
            header(line, pairs, index);
            return index + 1;
        }
        if (current == null) {
            throw error(index, 0, "text before the first entry header (\"+-o \")");
        }
        int want = current.depth + 2;
        if (pairs != want) {
            if (line.chars().allMatch(c -> c == ' ' || c == '|') && block != 1) {
                return index + 1;
            }
            throw error(index, pairs * 2, "line does not continue the tree or the property block of \""
                    + current.entry.name() + "\"");
        }
        String rest = line.substring(want * 2);
        if (rest.isEmpty() || rest.isBlank() && block != 1) {
            if (block == 1) {
                throw error(index, want * 2, "blank line inside a property block");
            }
            block = 0;
            return index + 1;
        }
        if (rest.equals("{")) {
            if (block != 0 || currentHadBlock) {
                throw error(index, want * 2, "second property block for one entry");
            }
            block = 1;
            currentHadBlock = true;
            props = OSDictionary.builder();
            return index + 1;
        }
        if (rest.equals("}")) {
            if (block != 1) {
                throw error(index, want * 2, "'}' without a property block");
            }
            endBlock();
            block = 2;
            return index + 1;
        }
        if (rest.startsWith("  \"") && block == 1) {
            return property(index, want * 2 + 2);
        }
        throw error(index, want * 2, "unexpected text in the tree");
    }

    private void header(String line, int depth, int index) throws SnapshotException {
        finishEntry();
        if (depth > limits.maxDepth()) {
            throw error(index, 0, "tree deeper than " + limits.maxDepth());
        }
        IoregHeader h;
        try {
            h = IoregHeader.parse(line.substring(depth * 2 + 4));
        } catch (IoregHeader.HeaderException e) {
            throw error(index, depth * 2 + 4 + e.offset, e.getMessage());
        }
        sawIds |= h.id() >= 0;
        sawBold |= h.bold();
        sawInheritance |= h.chain().size() > 1;
        while (!frames.isEmpty() && frames.get(frames.size() - 1).depth >= depth) {
            frames.remove(frames.size() - 1);
        }
        String name = IoregValueParser.decode(h.name());
        String location = h.location() == null ? null : IoregValueParser.decode(h.location());
        if (registry == null) {
            startRegistry(h, name, depth, index);
            if (current != null) {
                return;
            }
        }
        Frame parent = frames.isEmpty() ? null : frames.get(frames.size() - 1);
        if (depth == 0 && registry.root().registryEntryID() == h.id() && !fragments) {
            // The root again: ioreg -r -t prints the root above every match.
            current = new Frame(0, registry.root(), Long.toHexString(h.id()), true);
            frames.add(current);
            return;
        }
        if (parent == null || parent.depth != depth - 1) {
            if (depth == 0 && fragments) {
                parent = new Frame(-1, registry.root(), Long.toHexString(registry.root().registryEntryID()), false);
            } else {
                throw error(index, 0, depth == 0 ? "a second root entry" : "entry indented past its parent");
            }
        }
        IORegistryEntry e = h.id() >= 0 ? registry.entry(h.id()).orElse(null) : null;
        boolean repeat = e != null;
        if (e == null) {
            if (registry.size() >= limits.maxCount()) {
                throw error(index, 0, "more than " + limits.maxCount() + " entries");
            }
            e = h.id() >= 0 ? registry.createEntry(h.id(), h.className(), name)
                    : registry.createEntry(h.className(), name);
            e.setLocation(location);
            applyHeader(e, h);
        } else if (!IoregTextInfo.Header.of(e).equals(new IoregTextInfo.Header(h.state(), h.busyShown()))) {
            recordDiff(e, parent.pathKey + "/" + Long.toHexString(e.registryEntryID()), "state",
                    new IoregTextInfo.Header(h.state(), h.busyShown()).toDictionary());
        }
        try {
            registry.attach(e, parent.entry, plane);
        } catch (IllegalArgumentException ex) {
            throw error(index, depth * 2, "entry 0x" + Long.toHexString(e.registryEntryID())
                    + " would be its own ancestor");
        }
        current = new Frame(depth, e, parent.pathKey + "/" + Long.toHexString(e.registryEntryID()), repeat);
        frames.add(current);
    }

    private void startRegistry(IoregHeader h, String name, int depth, int index) throws SnapshotException {
        if (depth != 0) {
            throw error(index, 0, "the first entry is indented");
        }
        boolean isRoot = h.className().equals(ROOT_CLASS) && name.equals("Root");
        long rootId = isRoot && h.id() >= 0 ? h.id() : IORegistry.ROOT_ID;
        registry = IORegistry.create(rootId, isRoot ? name : "Root");
        plane = registry.plane(planeName);
        if (isRoot) {
            applyHeader(registry.root(), h);
            current = new Frame(0, registry.root(), Long.toHexString(rootId), false);
            frames.add(current);
        } else {
            fragments = true;
            current = null;
        }
    }

    private void applyHeader(IORegistryEntry e, IoregHeader h) {
        e.setState(h.state());
        if (h.busyShown()) {
            e.setSnapshotInfo(e.snapshotInfo().with(IoregTextInfo.BUSY_TIME_SHOWN, OSBoolean.TRUE));
        }
        if (h.chain().size() > 1) {
            List<String> leafFirst = new ArrayList<>(h.chain());
            Collections.reverse(leafFirst);
            if (!leafFirst.get(leafFirst.size() - 1).equals("OSObject")) {
                leafFirst.add("OSObject");
            }
            e.setInheritance(leafFirst);
            registry.classes().learnChain(leafFirst);
        }
    }

    private void finishEntry() {
        if (current != null) {
            if (currentHadBlock) {
                withBlock++;
            } else {
                withoutBlock++;
            }
        }
        currentHadBlock = false;
        block = 0;
    }

    private void endBlock() {
        OSDictionary d = props.build();
        IORegistryEntry e = current.entry;
        if (!current.repeat) {
            e.setProperties(d);
            e.setSnapshotInfo(e.snapshotInfo().with(IoregTextInfo.SHOWN, OSBoolean.TRUE));
        } else if (!d.equals(e.properties())) {
            recordDiff(e, current.pathKey, "properties", d);
        }
        props = null;
    }

    private void recordDiff(IORegistryEntry e, String pathKey, String what, OSObject value) {
        OSDictionary old = IoregTextInfo.occurrence(e, pathKey);
        OSDictionary d = old == null ? OSDictionary.empty() : old;
        IoregTextInfo.recordOccurrence(e, pathKey, d.with(what, value));
    }

    /** A property line; returns the index of the line after its value. */
    private int property(int index, int col) throws SnapshotException {
        String line = lines.get(index);
        int keyEnd = line.indexOf("\" = ", col + 1);
        if (keyEnd < 0) {
            throw error(index, col, "property line without '\" = '");
        }
        String key = IoregValueParser.decode(line.substring(col + 1, keyEnd));
        int valueCol = keyEnd + 4;
        StringBuilder span = new StringBuilder(line.substring(valueCol));
        int next = index + 1;
        while (next < lines.size() && !continuesBlock(lines.get(next))) {
            span.append('\n').append(lines.get(next));
            if (span.length() > limits.maxStringBytes()) {
                throw error(index, valueCol, "value longer than " + limits.maxStringBytes() + " bytes");
            }
            next++;
        }
        IoregValueParser p = new IoregValueParser(span.toString(), limits);
        OSObject v;
        try {
            v = p.parseAll();
        } catch (IoregValueParser.ValueException e) {
            int ln = index;
            int c = valueCol;
            for (int k = 0; k < e.offset && k < span.length(); k++) {
                if (span.charAt(k) == '\n') {
                    ln++;
                    c = 0;
                } else {
                    c++;
                }
            }
            throw error(ln, c, e.getMessage() + " in property \"" + key + "\"");
        }
        sawHex |= p.sawHex;
        sawDecimal |= p.sawDecimal;
        sawSet |= p.sawSet;
        if (props.size() >= limits.maxCount()) {
            throw error(index, col, "more than " + limits.maxCount() + " properties");
        }
        props.put(key, v);
        return next;
    }

    /** True if {@code line} is the next property, or the end, of the current block: not part of a value. */
    private boolean continuesBlock(String line) {
        int want = (current.depth + 2) * 2;
        if (line.length() < want + 1) {
            return false;
        }
        for (int k = 0; k < want; k += 2) {
            char c = line.charAt(k);
            if (c != '|' && c != ' ' || line.charAt(k + 1) != ' ') {
                return false;
            }
        }
        return line.startsWith("  \"", want) || line.length() == want + 1 && line.charAt(want) == '}';
    }
}
