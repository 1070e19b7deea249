package dev.ioscope.engine.snapshot.devicetree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One device tree node while a reader builds it, before it becomes a registry entry. Mirrors dtc's
 * {@code struct node}: deleted nodes and properties stay in their lists with a flag, because dtc revives a
 * deleted item in its old position when a later definition names it again.
 */
final class DtNode {
    /** The full node name, {@code name@unit-address}; "" for the root. */
    String name;
    /** In order; add through {@link #addProperty} so the name index stays right. */
    final List<DtProperty> properties = new ArrayList<>();
    /** In order; add through {@link #addChild}. */
    final List<DtNode> children = new ArrayList<>();
    /** The first property / child of each name, deleted or not: lookups stay O(1) on nodes with 100k items. */
    private final Map<String, DtProperty> propertyIndex = new HashMap<>();
    private final Map<String, DtNode> childIndex = new HashMap<>();
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
        DtProperty first = propertyIndex.get(propName);
        if (first == null || !first.deleted) {
            return first;
        }
        for (DtProperty p : properties) { // rare: a deleted one came first
            if (!p.deleted && p.name.equals(propName)) {
                return p;
            }
        }
        return null;
    }

    /** The first property of that name, deleted or not (dtc's for_each_property_withdel search). */
    DtProperty propertyWithDeleted(String propName) {
        return propertyIndex.get(propName);
    }

    DtProperty addProperty(DtProperty p) {
        properties.add(p);
        propertyIndex.putIfAbsent(p.name, p);
        return p;
    }

    /** A live child by name, or null. */
    DtNode child(String childName) {
        DtNode first = childIndex.get(childName);
        if (first == null || !first.deleted) {
            return first;
        }
        for (DtNode c : children) {
            if (!c.deleted && c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** The first child of that name, deleted or not. */
    DtNode childWithDeleted(String childName) {
        return childIndex.get(childName);
    }

    DtNode addChild(DtNode child) {
        child.parent = this;
        children.add(child);
        childIndex.putIfAbsent(child.name, child);
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
