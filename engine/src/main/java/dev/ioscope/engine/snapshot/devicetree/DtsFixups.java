package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.io.SnapshotException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What dtc does to a parsed tree before writing the .dtb (checks.c, in its order): drop a {@code name}
 * property that only repeats the node name, refuse duplicate labels, take explicit phandles, give every node a
 * {@code <&ref>} points at a phandle (the lowest free value counting up from 1, added as {@code linux,phandle}
 * and/or {@code phandle} per the -H style), write the phandle cells, insert path strings, then drop unreferenced
 * {@code /omit-if-no-ref/} nodes.
 */
final class DtsFixups {
    /** dtc's -H option: which phandle properties it writes. dtc's default is EPAPR; dtc before 1.4 wrote BOTH. */


    private final DtNode root;
    private final String file;
    private final PhandleStyle style;
    private final Map<Long, DtNode> byPhandle = new HashMap<>();
    private final Map<String, DtNode> byLabel = new HashMap<>();
    private long nextPhandle = 1;

    DtsFixups(DtNode root, String file, PhandleStyle style) {
        this.root = root;
        this.file = file;
        this.style = style;
    }

    void run() throws SnapshotException {
        List<DtNode> nodes = preorder();
        for (DtNode n : nodes) {
            dropRedundantName(n);
            for (String l : n.labels) {
                DtNode other = byLabel.putIfAbsent(l, n);
                if (other != null && other != n) {
                    throw new SnapshotException(file, n.fullPath(), "duplicate label '" + l + "' on "
                            + other.fullPath() + " and " + n.fullPath());
                }
            }
        }
        for (DtNode n : nodes) {
            explicitPhandle(n);
        }
        for (DtNode n : nodes) {
            for (DtProperty p : n.liveProperties()) {
                for (DtProperty.Reference r : p.references) {
                    if (r.phandle()) {
                        DtNode target = resolve(r);
                        long ph = phandleOf(target);
                        for (int i = 0; i < 4; i++) {
                            p.value[r.offset() + i] = (byte) (ph >>> (24 - 8 * i));
                        }
                    }
                }
            }
        }
        for (DtNode n : nodes) {
            for (DtProperty p : n.liveProperties()) {
                insertPaths(p);
            }
        }
        for (DtNode n : preorder()) {
            if (n.omitIfNoRef && !n.referenced && !n.deleted) {
                DtsTree.delete(n);
            }
        }
    }

    private List<DtNode> preorder() {
        List<DtNode> out = new ArrayList<>();
        Deque<DtNode> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            DtNode n = work.pop();
            out.add(n);
            List<DtNode> kids = n.liveChildren();
            for (int i = kids.size() - 1; i >= 0; i--) {
                work.push(kids.get(i));
            }
        }
        return out;
    }

    /**
     * check_name_properties: a name property equal to the node's base name (plus NUL) is redundant and dropped;
     * any other value is an error to dtc.
     */
    private void dropRedundantName(DtNode n) throws SnapshotException {
        DtProperty name = n.property("name");
        if (name != null) {
            byte[] base = n.baseName().getBytes(StandardCharsets.ISO_8859_1);
            byte[] v = name.value;
            if (name.references.isEmpty() && v.length == base.length + 1 && v[base.length] == 0
                    && Arrays.equals(v, 0, base.length, base, 0, base.length)) {
                name.deleted = true;
            } else {
                throw new SnapshotException(file, n.fullPath(), "\"name\" property is incorrect (not the base"
                        + " node name \"" + n.baseName() + "\")");
            }
        }
    }

    /** check_explicit_phandles: phandle / linux,phandle written in the source. */
    private void explicitPhandle(DtNode n) throws SnapshotException {
        long found = 0;
        for (String key : new String[] {"phandle", "linux,phandle"}) {
            DtProperty p = n.property(key);
            if (p == null) {
                continue;
            }
            if (p.value.length != 4) {
                throw new SnapshotException(file, n.fullPath(), key + " is " + p.value.length
                        + " bytes, not one 32-bit cell");
            }
            if (!p.references.isEmpty()) {
                continue; // phandle = <&self>: assigned like any reference
            }
            long v = FdtReader.u32(p.value, 0);
            if (v == 0 || v == 0xffffffffL) {
                throw new SnapshotException(file, n.fullPath(), key + " has the invalid value 0x"
                        + Long.toHexString(v));
            }
            if (found != 0 && found != v) {
                throw new SnapshotException(file, n.fullPath(), "phandle and linux,phandle differ");
            }
            found = v;
        }
        if (found != 0) {
            DtNode other = byPhandle.putIfAbsent(found, n);
            if (other != null && other != n) {
                throw new SnapshotException(file, n.fullPath(), "phandle 0x" + Long.toHexString(found)
                        + " is also used by " + other.fullPath());
            }
            n.phandle = found;
        }
    }

    /** get_node_phandle. */
    private long phandleOf(DtNode n) {
        if (n.phandle != 0) {
            return n.phandle;
        }
        while (byPhandle.containsKey(nextPhandle)) {
            nextPhandle++;
        }
        n.phandle = nextPhandle;
        byPhandle.put(nextPhandle, n);
        byte[] cell = {(byte) (n.phandle >>> 24), (byte) (n.phandle >>> 16), (byte) (n.phandle >>> 8),
            (byte) n.phandle};
        if (style != PhandleStyle.EPAPR && n.property("linux,phandle") == null) {
            n.addProperty(new DtProperty("linux,phandle", cell.clone()));
        }
        if (style != PhandleStyle.LEGACY && n.property("phandle") == null) {
            n.addProperty(new DtProperty("phandle", cell.clone()));
        }
        return n.phandle;
    }

    private DtNode resolve(DtProperty.Reference r) throws SnapshotException {
        DtNode target = r.target().startsWith("/") ? DtsTree.byPath(root, r.target()) : byLabel.get(r.target());
        if (target == null) {
            throw new SnapshotException(file, r.place(), "reference to a non-existent node or label '"
                    + r.target() + "'");
        }
        target.referenced = true;
        return target;
    }

    /** fixup_path_references: the target's full path and a NUL go in at the marker, moving later bytes on. */
    private void insertPaths(DtProperty p) throws SnapshotException {
        int shift = 0;
        for (DtProperty.Reference r : p.references) {
            if (r.phandle()) {
                continue;
            }
            byte[] path = (resolve(r).fullPath() + "\0").getBytes(StandardCharsets.ISO_8859_1);
            int at = r.offset() + shift;
            byte[] v = new byte[p.value.length + path.length];
            System.arraycopy(p.value, 0, v, 0, at);
            System.arraycopy(path, 0, v, at, path.length);
            System.arraycopy(p.value, at, v, at + path.length, p.value.length - at);
            p.value = v;
            shift += path.length;
        }
    }
}
