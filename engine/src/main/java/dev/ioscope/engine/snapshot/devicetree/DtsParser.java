package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The structure of device tree source v1 as dtc's grammar (dtc-parser.y) gives it: {@code /dts-v1/;},
 * {@code /memreserve/}, the root node {@code / { ... };} (repeated roots merge), top-level overlays
 * {@code &label { ... };} and {@code /delete-node/ &label;}, node bodies with labelled properties, subnodes,
 * {@code /delete-property/}, {@code /delete-node/} and {@code /omit-if-no-ref/}. Nodes are merged with dtc's
 * merge_nodes rules (see {@link DtsTree}).
 */
final class DtsParser {
    /** dtc's PROPNODECHAR: the characters of property and node names. */
    static final DtsScanner.CharClass PROP_NODE_CHARS = c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9') || ",._+*#?@-".indexOf(c) >= 0;

    private final DtsScanner in;
    private final DtsValueParser values;
    private final ParseLimits limits;
    private final List<long[]> reservations = new ArrayList<>();
    private final Map<String, DtNode> labelIndex = new HashMap<>();
    private DtNode root;
    private long count;

    DtsParser(DtsScanner in, ParseLimits limits) {
        this.in = in;
        this.limits = limits;
        this.values = new DtsValueParser(in, limits.maxStringBytes());
    }

    List<long[]> reservations() {
        return reservations;
    }

    DtNode parse() throws SnapshotException {
        if (!in.accept("/dts-v1/")) {
            throw in.fail("expected /dts-v1/; at the start (version 0 sources are not supported)");
        }
        in.expect(";", "';' after /dts-v1/");
        while (in.accept("/dts-v1/")) {
            in.expect(";", "';'"); // includes may repeat the tag; dtc accepts it
        }
        if (in.at("/plugin/")) {
            throw in.fail("/plugin/ overlays are not supported: they patch a base tree IOScope does not have");
        }
        while (true) {
            List<String> labels = labels();
            if (in.accept("/memreserve/")) {
                long address = values.primary();
                long size = values.primary();
                in.expect(";", "';' after /memreserve/");
                reservations.add(new long[] {address, size});
                continue;
            }
            if (!labels.isEmpty() && root == null && in.peek() != '/') {
                throw in.fail("expected /memreserve/ or the root node after a label");
            }
            if (in.peek() == DtsScanner.EOF) {
                if (root == null) {
                    throw in.fail("no root node '/ { ... };' in the source");
                }
                return root;
            }
            topLevel(labels);
        }
    }

    private void topLevel(List<String> labels) throws SnapshotException {
        if (in.peek() == '/' && (in.peekRaw(1) == '{' || !Character.isLetter((char) Math.max(in.peekRaw(1), 0)))) {
            in.advance(1);
            DtNode body = body("", 1);
            body.labels.addAll(labels);
            in.expect(";", "';' after the root node");
            if (root == null) {
                root = body;
            } else {
                DtsTree.merge(root, body);
            }
            return;
        }
        if (root == null) {
            throw in.fail("expected the root node '/ {' but found " + in.describeNext());
        }
        if (in.accept("/delete-node/")) {
            DtNode target = target(values.reference());
            in.expect(";", "';' after /delete-node/");
            if (target == root) {
                throw in.fail("the root node cannot be deleted");
            }
            DtsTree.delete(target);
            return;
        }
        if (in.accept("/omit-if-no-ref/")) {
            target(values.reference()).omitIfNoRef = true;
            in.expect(";", "';' after /omit-if-no-ref/");
            return;
        }
        if (in.peek() == '&') {
            DtNode target = target(values.reference());
            DtNode body = body(target.name, depthOf(target) + 1);
            in.expect(";", "';' after the node");
            body.labels.addAll(labels);
            DtsTree.merge(target, body);
            return;
        }
        throw in.fail("expected a node, an &reference or /delete-node/ at the top level but found "
                + in.describeNext());
    }

    private DtNode target(String ref) throws SnapshotException {
        DtNode t = ref.startsWith("/") ? DtsTree.byPath(root, ref) : labelled(ref);
        if (t == null) {
            throw in.fail("reference to a non-existent node or label '" + ref + "'");
        }
        return t;
    }

    /**
     * The live node with a label. A cached index is used when its answer is still true (the node is live, still
     * holds the label and is still in the tree); otherwise it is rebuilt with one walk, so a source with many
     * top-level overlays does not walk the whole tree for each of them.
     */
    private DtNode labelled(String label) {
        DtNode n = labelIndex.get(label);
        if (n != null && stillLabelled(n, label)) {
            return n;
        }
        labelIndex.clear();
        Deque<DtNode> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            DtNode x = work.pop();
            if (x.deleted) {
                continue;
            }
            for (String l : x.labels) {
                labelIndex.putIfAbsent(l, x);
            }
            for (int i = x.children.size() - 1; i >= 0; i--) {
                work.push(x.children.get(i));
            }
        }
        return labelIndex.get(label);
    }

    private boolean stillLabelled(DtNode n, String label) {
        if (!n.labels.contains(label)) {
            return false;
        }
        for (DtNode x = n; x != null; x = x.parent) {
            if (x.deleted) {
                return false;
            }
            if (x.parent == null && x != root) {
                return false;
            }
        }
        return true;
    }

    private static int depthOf(DtNode n) {
        int d = 0;
        for (DtNode p = n.parent; p != null; p = p.parent) {
            d++;
        }
        return d;
    }

    /** {@code { props subnodes }} (the name is given). Properties must come before subnodes, as in dtc. */
    private DtNode body(String name, int depth) throws SnapshotException {
        if (depth > limits.maxDepth()) {
            throw in.fail("nodes nested deeper than " + limits.maxDepth());
        }
        in.expect("{", "'{'");
        DtNode node = new DtNode(name);
        boolean sawSubnode = false;
        while (!in.accept("}")) {
            if (in.peek() == DtsScanner.EOF) {
                throw in.fail("node '" + name + "' is not closed with '}'");
            }
            countItem();
            if (in.accept("/delete-property/")) {
                String prop = name("property name");
                in.expect(";", "';' after /delete-property/");
                DtProperty marker = new DtProperty(prop, new byte[0]);
                marker.deleted = true;
                node.addProperty(marker);
                continue;
            }
            if (in.accept("/delete-node/")) {
                DtNode marker = new DtNode(name("node name"));
                in.expect(";", "';' after /delete-node/");
                marker.deleted = true;
                node.addChild(marker);
                sawSubnode = true;
                continue;
            }
            boolean omit = in.accept("/omit-if-no-ref/");
            List<String> labels = labels();
            String item = name("a property or node name");
            if (in.peek() == '{') {
                DtNode child = body(item, depth + 1);
                in.expect(";", "';' after node '" + item + "'");
                child.labels.addAll(labels);
                child.omitIfNoRef = omit;
                if (DtsTree.liveChild(node, item) != null) {
                    throw in.fail("duplicate node name '" + item + "' in '" + name + "'");
                }
                node.addChild(child);
                sawSubnode = true;
                continue;
            }
            if (sawSubnode) {
                throw in.fail("property '" + item + "' after a subnode: properties must precede subnodes");
            }
            if (omit) {
                throw in.fail("/omit-if-no-ref/ applies to nodes only");
            }
            DtProperty prop = new DtProperty(item, new byte[0]);
            if (in.accept("=")) {
                values.parseValue(prop);
            }
            in.expect(";", "';' after property '" + item + "'");
            if (node.property(item) != null) {
                throw in.fail("duplicate property '" + item + "' in node '" + name + "'");
            }
            node.addProperty(prop);
        }
        return node;
    }

    private void countItem() throws SnapshotException {
        if (++count > limits.maxCount()) {
            throw in.fail("more than " + limits.maxCount() + " nodes and properties");
        }
    }

    private String name(String what) throws SnapshotException {
        String s = in.run(PROP_NODE_CHARS);
        if (s.isEmpty()) {
            throw in.fail("expected " + what + " but found " + in.describeNext());
        }
        return s;
    }

    /** Zero or more {@code label:} prefixes. */
    private List<String> labels() throws SnapshotException {
        List<String> out = new ArrayList<>(0);
        while (true) {
            in.peek();
            int n = 0;
            while (DtsValueParser.LABEL_CHARS.test((char) Math.max(in.peekRaw(n), 0))) {
                n++;
            }
            if (n == 0 || in.peekRaw(n) != ':' || Character.isDigit((char) in.peekRaw(0))) {
                return out;
            }
            out.add(in.run(DtsValueParser.LABEL_CHARS));
            in.advance(1);
        }
    }
}
