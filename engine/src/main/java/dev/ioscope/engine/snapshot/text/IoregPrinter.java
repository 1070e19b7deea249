package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Prints a registry as Apple's {@code ioreg} prints the live one (IOKitTools ioreg.c: scan, search, show,
 * indent, compare). The tree drawing follows ioreg's stackOfBits: for an entry at depth n, bit i (i ≤ n) says
 * "depth i has more siblings" and bit n+1 "depth n has children (within -d)"; a header line is n pairs of
 * "| " or "  " then "+-o ", a property line n+2 pairs then the text. After a property block ioreg prints the
 * prefix alone, hence the lines of bars and trailing spaces.
 */
public final class IoregPrinter {
    /** termcap md / me for TERM=xterm-256color, what tputs sends on a Mac terminal. */
    static final String BOLD_ON = "\033[1m";
    static final String BOLD_OFF = "\033(B\033[m";

    private final IORegistry registry;
    private final IORegistryPlane plane;
    private final IoregOptions options;
    private final IoregLine line;
    private final IoregValues values;
    private final IoregFormatter formatter;
    private final boolean someShown;
    /** The real path from the root to the entry being printed (also ioreg's stackOfObjects in search). */
    private final List<IORegistryEntry> path = new ArrayList<>();

    private IoregPrinter(IORegistry registry, IORegistryPlane plane, IoregOptions options, OutputStream out,
                         boolean someShown) {
        this.registry = registry;
        this.plane = plane;
        this.options = options;
        this.line = new IoregLine(out, options.width());
        this.values = new IoregValues(line, options.hex(), options.setBrackets());
        this.formatter = new IoregFormatter(registry, line, values, options);
        this.someShown = someShown;
    }

    /**
     * Prints the registry with these options. A plane the registry does not have prints nothing, as ioreg
     * prints nothing when IORegistryEntryGetChildIterator fails; callers that want an error check first.
     */
    public static void print(IORegistry registry, IoregOptions options, OutputStream out) throws IOException {
        print(registry, options, out, false);
    }

    static void print(IORegistry registry, IoregOptions options, OutputStream out, boolean someShown)
            throws IOException {
        IoregPrinter p = open(registry, options, out, someShown);
        if (p == null) {
            return;
        }
        p.path.add(registry.root());
        if (options.root()) {
            p.search(registry.root(), 0, 0);
        } else {
            p.scan(registry.root(), false, 0, new BitSet(), options.depth());
        }
    }

    /**
     * One entry and its descendants (within {@code options.depth()}, 1 = the entry alone), drawn from depth 0 as
     * {@code ioreg -r} draws a match, without the empty line ioreg adds after it. For views of one entry.
     */
    public static void printSubtree(IORegistry registry, IORegistryEntry top, IoregOptions options,
                                    OutputStream out) throws IOException {
        IoregPrinter p = open(registry, options, out, false);
        if (p == null) {
            return;
        }
        List<IORegistryEntry> up = new ArrayList<>();
        Set<IORegistryEntry> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (IORegistryEntry x = top; x != null && seen.add(x); x = x.parent(p.plane)) {
            up.add(0, x);
        }
        p.path.addAll(up);
        p.scan(top, false, 0, new BitSet(), options.depth());
    }

    /** The trees of an {@code ioreg -r} dump: each child of the synthetic root, then a blank line. */
    static void printFragments(IORegistry registry, IoregOptions options, OutputStream out, boolean someShown)
            throws IOException {
        IoregPrinter p = open(registry, options, out, someShown);
        if (p == null) {
            return;
        }
        p.path.add(registry.root());
        for (IORegistryEntry top : registry.root().children(p.plane)) {
            p.path.add(top);
            p.scan(top, false, 0, new BitSet(), options.depth());
            p.path.remove(p.path.size() - 1);
            p.line.println("");
        }
    }

    /** A printer on the options' plane; null when the registry has no such plane (ioreg then prints nothing). */
    private static IoregPrinter open(IORegistry registry, IoregOptions options, OutputStream out, boolean someShown) {
        return registry.findPlane(options.plane())
                .map(plane -> new IoregPrinter(registry, plane, options, out, someShown)).orElse(null);
    }

    /** ioreg's scan(): the entry, then its children within the depth limit. */
    private void scan(IORegistryEntry e, boolean moreSiblings, int depth, BitSet inherited, int depthLimit)
            throws IOException {
        BitSet bits = (BitSet) inherited.clone();
        bits.set(depth, moreSiblings);
        List<IORegistryEntry> children = e.children(plane);
        boolean descend = depthLimit == 0 || depthLimit > depth + 1;
        bits.set(depth + 1, descend && !children.isEmpty());
        show(e, depth, bits, path);
        if (descend) {
            for (int i = 0; i < children.size(); i++) {
                path.add(children.get(i));
                scan(children.get(i), i + 1 < children.size(), depth + 1, bits, depthLimit);
                path.remove(path.size() - 1);
            }
        }
    }

    /** ioreg's search() for -r: print each match's subtree (with -t, its parents first), then a blank line. */
    private void search(IORegistryEntry e, long matchedDepth, int depth) throws IOException {
        if (matchedDepth < depth + 1 && compare(e)) {
            matchedDepth = options.depth() != 0 ? (long) depth + options.depth() : Long.MAX_VALUE;
            if (options.tree()) {
                for (int i = 0; i < depth; i++) {
                    BitSet bits = new BitSet();
                    bits.set(i + 1);
                    show(path.get(i), i, bits, path.subList(0, i + 1));
                }
                scan(e, false, depth, new BitSet(), options.depth() != 0 ? options.depth() + depth : 0);
            } else {
                scan(e, false, 0, new BitSet(), options.depth());
            }
            line.println("");
        }
        for (IORegistryEntry c : e.children(plane)) {
            path.add(c);
            search(c, matchedDepth, depth + 1);
            path.remove(path.size() - 1);
        }
    }

    boolean compare(IORegistryEntry e) {
        return IoregMatch.matches(registry, plane, options, e);
    }

    /** ioreg's show(): the header line and, when asked, the property block. */
    private void show(IORegistryEntry e, int depth, BitSet bits, List<IORegistryEntry> realPath) throws IOException {
        OSDictionary occurrence = null;
        if (options.replay() && realPath.size() > 1 && e.snapshotInfo().containsKey(IoregTextInfo.OCCURRENCES)) {
            occurrence = IoregTextInfo.occurrence(e, pathKey(realPath));
        }
        indent(true, depth, bits);
        if (options.bold()) {
            line.raw(BOLD_ON);
        }
        line.print(e.name(plane));
        if (options.bold()) {
            line.raw(BOLD_OFF);
        }
        String loc = e.location(plane);
        if (loc != null) {
            line.print("@" + loc);
        }
        line.print("  <class ");
        line.print(options.inheritance() ? inheritance(e) : e.className());
        if (options.showIds()) {
            line.print(", id 0x" + Long.toHexString(e.registryEntryID()));
        }
        IoregTextInfo.Header header = occurrence != null && occurrence.get("state") instanceof OSDictionary sd
                ? IoregTextInfo.Header.fromDictionary(sd) : IoregTextInfo.Header.of(e);
        EntryState s = header.state();
        if (s.service()) {
            line.print(", " + (s.registered() ? "" : "!") + "registered, " + (s.matched() ? "" : "!") + "matched, "
                    + (s.active() ? "" : "in") + "active");
            line.print(", busy " + s.busyState());
            if (s.busyTimeMs() > 0 || header.busyTimeShown()) {
                line.print(" (" + Math.max(0, s.busyTimeMs()) + " ms)");
            }
        }
        if (s.retainCount() >= 0) {
            line.print(", retain " + s.retainCount());
        }
        line.println(">");
        if (showsProperties(e)) {
            OSDictionary props = occurrence != null && occurrence.get("properties") instanceof OSDictionary pd
                    ? pd : e.properties();
            indent(false, depth, bits);
            line.println("{");
            for (int i = 0; i < props.size(); i++) {
                indent(false, depth, bits);
                line.print("  ");
                values.quoted(props.keyAt(i));
                line.print(" = ");
                if (options.format()) {
                    formatter.printProp(props.keyAt(i), props.valueAt(i), e, depth, bits);
                } else {
                    values.show(props.valueAt(i));
                    line.println();
                }
            }
            indent(false, depth, bits);
            line.println("}");
            indent(false, depth, bits);
            line.println();
        }
    }

    private boolean showsProperties(IORegistryEntry e) {
        if (options.list() || compare(e)) {
            return true;
        }
        return someShown && IoregTextInfo.flag(e.snapshotInfo(), IoregTextInfo.SHOWN);
    }

    /** ioreg's indent(): n pairs then "+-o " for a node; n+2 pairs for the lines of its property block. */
    void indent(boolean node, int depth, BitSet bits) throws IOException {
        StringBuilder sb = new StringBuilder(2 * depth + 4);
        int pairs = node ? depth : depth + 2;
        for (int i = 0; i < pairs; i++) {
            sb.append(bits.get(i) ? "| " : "  ");
        }
        if (node) {
            sb.append("+-o ");
        }
        line.print(sb.toString());
    }

    /** -i: IOObjectCopySuperclassForClass up to OSObject, root class first, joined by ':'. */
    private String inheritance(IORegistryEntry e) {
        List<String> chain = e.inheritance().isEmpty() ? registry.classes().chain(e.className()) : e.inheritance();
        StringBuilder sb = new StringBuilder();
        for (int i = chain.size() - 1; i >= 0; i--) {
            String c = chain.get(i);
            if (c.equals("OSObject") && i != 0) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(c);
        }
        return sb.length() == 0 ? e.className() : sb.toString();
    }

    static String pathKey(List<IORegistryEntry> realPath) {
        StringBuilder sb = new StringBuilder();
        for (IORegistryEntry x : realPath) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(Long.toHexString(x.registryEntryID()));
        }
        return sb.toString();
    }
}
