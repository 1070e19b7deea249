package dev.ioscope.engine.snapshot.devicetree;

import java.util.ArrayList;
import java.util.List;

/**
 * One device tree node while a reader builds it, before it becomes a registry entry. Mirrors dtc's
 * {@code struct node}: deleted nodes and properties stay in their lists with a flag, because dtc revives a
 * deleted item in its old position when a later definition names it again.
 */
final class DtNode {
    /** The full node name, {@code name@unit-address}; "" for the root. */
    String name;
    final List<DtProperty> properties = new ArrayList<>();
    final List<DtNode> children = new ArrayList<>();
    final List<String> labels = new ArrayList<>();
    DtNode parent;
    boolean deleted;
    boolean omitIfNoRef;
    boolean referenced;
    /** The phandle dtc knows for the node (0 = none yet; 0 and 0xffffffff are not valid phandles). */
    long phandle;

    DtNode(String name) {
        this.name = name;
    }

    /** The live properties, in order. */
    List<DtProperty> liveProperties() {
        List<DtProperty> out = new ArrayList<>(properties.size());
        for (DtProperty p : properties) {
            if (!p.deleted) {
                out.add(p);
            }
        }
        return out;
    }

    List<DtNode> liveChildren() {
        List<DtNode> out = new ArrayList<>(children.size());
        for (DtNode c : children) {
            if (!c.deleted) {
                out.add(c);
            }
        }
        return out;
    }

    /** A live property by name, or null (dtc's get_property). */
    DtProperty property(String propName) {
        for (DtProperty p : properties) {
            if (!p.deleted && p.name.equals(propName)) {
                return p;
            }
        }
        return null;
    }

    DtNode addChild(DtNode child) {
        child.parent = this;
        children.add(child);
        return child;
    }

    /** The path dtc writes for a path reference: "/" for the root, else "/a/b@1". */
    String fullPath() {
        if (parent == null) {
            return "/";
        }
        String up = parent.fullPath();
        return (up.equals("/") ? "" : up) + "/" + name;
    }

    /** The node name before '@' (dtc's basename). */
    String baseName() {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }
}
