package dev.ioscope.engine.snapshot.devicetree;

import java.util.ArrayDeque;
import java.util.Deque;

/** dtc's livetree.c operations on {@link DtNode}s: merging, deleting and finding nodes by path. */
final class DtsTree {
    private DtsTree() {
    }

    /**
     * merge_nodes(old, new): a deleted property in {@code add} deletes the old one; a property of the same name
     * takes the new value in the old place (reviving it if deleted); others are appended. Subnodes merge the
     * same way, recursively; the labels of {@code add} join the old node's. The old node is revived.
     */
    static void merge(DtNode old, DtNode add) {
        Deque<DtNode[]> work = new ArrayDeque<>();
        work.push(new DtNode[] {old, add});
        while (!work.isEmpty()) {
            DtNode[] pair = work.pop();
            DtNode o = pair[0];
            DtNode n = pair[1];
            o.deleted = false;
            for (String l : n.labels) {
                if (!o.labels.contains(l)) {
                    o.labels.add(l);
                }
            }
            o.omitIfNoRef |= n.omitIfNoRef;
            for (DtProperty p : n.properties) {
                if (p.deleted) {
                    DtProperty existing = o.property(p.name);
                    if (existing != null) {
                        existing.deleted = true;
                    }
                    continue;
                }
                DtProperty same = o.propertyWithDeleted(p.name);
                if (same == null) {
                    o.addProperty(p);
                } else {
                    same.value = p.value;
                    same.references.clear();
                    same.references.addAll(p.references);
                    same.deleted = false;
                }
            }
            for (DtNode c : n.children) {
                if (c.deleted) {
                    DtNode existing = liveChild(o, c.name);
                    if (existing != null) {
                        delete(existing);
                    }
                    continue;
                }
                DtNode same = o.childWithDeleted(c.name);
                if (same == null) {
                    o.addChild(c);
                } else {
                    work.push(new DtNode[] {same, c});
                }
            }
        }
    }

    /**
     * delete_node: the node, its subtree, their properties and labels are gone (kept flagged in place). A subtree
     * already deleted is not walked again, so deleting and reviving a node over and over stays linear.
     */
    static void delete(DtNode node) {
        Deque<DtNode> work = new ArrayDeque<>();
        work.push(node);
        while (!work.isEmpty()) {
            DtNode n = work.pop();
            n.deleted = true;
            n.labels.clear();
            n.properties.forEach(p -> p.deleted = true);
            for (DtNode c : n.children) {
                if (!c.deleted) {
                    work.push(c);
                }
            }
        }
    }

    static DtNode liveChild(DtNode parent, String name) {
        return parent.child(name);
    }

    /** get_node_by_path: components match node names exactly. */
    static DtNode byPath(DtNode root, String path) {
        DtNode n = root;
        for (String comp : path.split("/")) {
            if (comp.isEmpty()) {
                continue;
            }
            n = liveChild(n, comp);
            if (n == null) {
                return null;
            }
        }
        return n;
    }
}
