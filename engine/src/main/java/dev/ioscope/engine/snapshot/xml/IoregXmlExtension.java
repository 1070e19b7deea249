package dev.ioscope.engine.snapshot.xml;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryIterator;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an {@code ioreg -a} document cannot say, carried in one extra key of the root dictionary,
 * {@value #KEY}, so that IOScope's XML export is lossless: every plane (ioreg -a writes one), each entry's
 * per-plane names and links in order, its exact state, class chain and snapshot facts, the snapshot's own
 * facts, and the properties of entries that are not in the written plane. Tools that read ioreg -a output see
 * one more root property and lose nothing else; IOScope rebuilds the exact registry from it.
 */
final class IoregXmlExtension {
    static final String KEY = "IOScopeRegistry";
    private static final int VERSION = 1;

    private IoregXmlExtension() {
    }

    /** The extension dictionary for a snapshot whose {@code written} plane goes into the ioreg -a tree. */
    static OSDictionary build(Snapshot s, IORegistryPlane written) {
        IORegistry reg = s.registry();
        Set<IORegistryEntry> inTree = Collections.newSetFromMap(new IdentityHashMap<>());
        inTree.add(reg.root());
        IORegistryIterator.iterateOver(reg.root(), written,
                IORegistryIterator.ITERATE_RECURSIVELY).forEachRemaining(inTree::add);
        List<OSObject> planes = new ArrayList<>();
        for (IORegistryPlane p : reg.planes()) {
            planes.add(OSString.of(p.name()));
        }
        List<OSObject> entries = new ArrayList<>(reg.size());
        for (IORegistryEntry e : reg.entries()) {
            entries.add(entry(reg, e, !inTree.contains(e)));
        }
        return OSDictionary.builder()
                .put("version", OSNumber.of32(VERSION))
                .put("plane", OSString.of(written.name()))
                .put("sourceFormat", OSString.of(s.format().name()))
                .put("source", OSString.of(s.source() == null ? "" : s.source()))
                .put("info", s.info())
                .put("planes", OSArray.of(planes))
                .put("entries", OSArray.of(entries))
                .build();
    }

    private static OSDictionary entry(IORegistry reg, IORegistryEntry e, boolean withProperties) {
        OSDictionary.Builder b = OSDictionary.builder()
                .put("id", OSNumber.of64(e.registryEntryID()))
                .put("class", OSString.of(e.className()))
                .put("name", OSString.of(e.name()));
        if (e.location() != null) {
            b.put("location", OSString.of(e.location()));
        }
        List<OSObject> chain = new ArrayList<>();
        for (String c : e.inheritance()) {
            chain.add(OSString.of(c));
        }
        b.put("inheritance", OSArray.of(chain));
        EntryState st = e.state();
        b.put("state", OSDictionary.builder().put("service", OSBoolean.of(st.service()))
                .put("registered", OSBoolean.of(st.registered())).put("matched", OSBoolean.of(st.matched()))
                .put("active", OSBoolean.of(st.active())).put("busy", OSNumber.of32(st.busyState()))
                .put("busyTimeMs", OSNumber.of64(st.busyTimeMs())).put("retain", OSNumber.of64(st.retainCount()))
                .build());
        b.put("snapshotInfo", e.snapshotInfo());
        OSDictionary.Builder planes = OSDictionary.builder();
        for (IORegistryPlane p : reg.planes()) {
            boolean linked = e.inPlane(p) || e.ownName(p) != null || e.ownLocation(p) != null
                    || !e.children(p).isEmpty();
            if (!linked) {
                continue;
            }
            OSDictionary.Builder pd = OSDictionary.builder();
            if (e.ownName(p) != null) {
                pd.put("name", OSString.of(e.ownName(p)));
            }
            if (e.ownLocation(p) != null) {
                pd.put("location", OSString.of(e.ownLocation(p)));
            }
            pd.put("parents", ids(e.parents(p)));
            pd.put("children", ids(e.children(p)));
            planes.put(p.name(), pd.build());
        }
        b.put("planes", planes.build());
        if (withProperties) {
            b.put("properties", e.properties());
        }
        return b.build();
    }

    private static OSArray ids(List<IORegistryEntry> es) {
        List<OSObject> out = new ArrayList<>(es.size());
        for (IORegistryEntry x : es) {
            out.add(OSNumber.of64(x.registryEntryID()));
        }
        return OSArray.of(out);
    }

    /**
     * If the tree's root carries the extension, rebuilds the exact registry from it, taking the properties of
     * entries in the written plane from the tree (without ioreg's synthetic keys). Otherwise returns {@code s}.
     *
     * @throws IllegalArgumentException when the extension is malformed (the caller reports it with the file)
     */
    static Snapshot apply(Snapshot s) {
        OSObject ext = s.registry().root().property(KEY);
        if (!(ext instanceof OSDictionary x)) {
            return s;
        }
        if (!(x.get("version") instanceof OSNumber v) || v.value() != VERSION) {
            throw new IllegalArgumentException(KEY + " has an unknown version");
        }
        IORegistry tree = s.registry();
        List<OSObject> entries = array(x, "entries");
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(KEY + " lists no entries");
        }
        OSDictionary first = dict(entries.get(0), "entry 0");
        IORegistry reg = IORegistry.create(number(first, "id"), string(first, "name"));
        for (OSObject p : array(x, "planes")) {
            reg.plane(((OSString) p).value());
        }
        Map<Long, IORegistryEntry> byId = new HashMap<>();
        List<OSDictionary> dicts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            OSDictionary d = dict(entries.get(i), "entry " + i);
            long id = number(d, "id");
            IORegistryEntry e = i == 0 ? reg.root() : reg.createEntry(id, string(d, "class"), string(d, "name"));
            fill(e, d, tree.entry(id).orElse(null));
            if (byId.put(id, e) != null) {
                throw new IllegalArgumentException(KEY + ": duplicate entry id 0x" + Long.toHexString(id));
            }
            dicts.add(d);
        }
        for (int i = 0; i < dicts.size(); i++) {
            IORegistryEntry e = byId.get(number(dicts.get(i), "id"));
            OSDictionary planes = dict(dicts.get(i).get("planes"), "planes");
            for (int k = 0; k < planes.size(); k++) {
                IORegistryPlane p = reg.plane(planes.keyAt(k));
                OSDictionary pd = dict(planes.valueAt(k), "plane " + p);
                if (pd.get("name") instanceof OSString n) {
                    e.setName(p, n.value());
                }
                if (pd.get("location") instanceof OSString l) {
                    e.setLocation(p, l.value());
                }
                for (OSObject c : array(pd, "children")) {
                    reg.attach(resolve(byId, c), e, p);
                }
            }
        }
        for (OSDictionary d : dicts) {
            IORegistryEntry e = byId.get(number(d, "id"));
            OSDictionary planes = dict(d.get("planes"), "planes");
            for (int k = 0; k < planes.size(); k++) {
                List<IORegistryEntry> parents = new ArrayList<>();
                for (OSObject pid : array(dict(planes.valueAt(k), "plane"), "parents")) {
                    parents.add(resolve(byId, pid));
                }
                reg.setLinkOrder(e, reg.plane(planes.keyAt(k)), parents, null);
            }
        }
        SnapshotFormat fmt = SnapshotFormat.parse(string(x, "sourceFormat")).orElse(SnapshotFormat.IOREG_XML);
        String source = string(x, "source");
        return new Snapshot(reg, fmt, dict(x.get("info"), "info"), source.isEmpty() ? s.source() : source);
    }

    private static void fill(IORegistryEntry e, OSDictionary d, IORegistryEntry fromTree) {
        e.setName(string(d, "name"));
        e.setClassName(string(d, "class"));
        e.setLocation(d.get("location") instanceof OSString l ? l.value() : null);
        List<String> chain = new ArrayList<>();
        for (OSObject c : array(d, "inheritance")) {
            chain.add(((OSString) c).value());
        }
        e.setInheritance(chain);
        OSDictionary st = dict(d.get("state"), "state");
        e.setState(new EntryState(bool(st, "service"), bool(st, "registered"), bool(st, "matched"),
                bool(st, "active"), (int) number(st, "busy"), number(st, "busyTimeMs"), (int) number(st, "retain")));
        e.setSnapshotInfo(dict(d.get("snapshotInfo"), "snapshotInfo"));
        if (d.get("properties") instanceof OSDictionary props) {
            e.setProperties(props);
        } else if (fromTree != null) {
            OSDictionary.Builder b = OSDictionary.builder(fromTree.properties().size());
            fromTree.properties().forEach((k, v) -> {
                if (!IoregKeys.SYNTHETIC.contains(k) && !k.equals(KEY)) {
                    b.put(k, v);
                }
            });
            e.setProperties(b.build());
        } else {
            throw new IllegalArgumentException(KEY + ": entry 0x" + Long.toHexString(e.registryEntryID())
                    + " has no properties and is not in the tree");
        }
    }

    private static IORegistryEntry resolve(Map<Long, IORegistryEntry> byId, OSObject id) {
        if (!(id instanceof OSNumber n) || !byId.containsKey(n.value())) {
            throw new IllegalArgumentException(KEY + ": link to an unknown entry " + id);
        }
        return byId.get(n.value());
    }

    private static OSDictionary dict(OSObject o, String what) {
        if (!(o instanceof OSDictionary d)) {
            throw new IllegalArgumentException(KEY + ": " + what + " is not a dictionary");
        }
        return d;
    }

    private static List<OSObject> array(OSDictionary d, String key) {
        if (!(d.get(key) instanceof OSArray a)) {
            throw new IllegalArgumentException(KEY + ": \"" + key + "\" is not an array");
        }
        return a.items();
    }

    private static String string(OSDictionary d, String key) {
        if (!(d.get(key) instanceof OSString s)) {
            throw new IllegalArgumentException(KEY + ": \"" + key + "\" is not a string");
        }
        return s.value();
    }

    private static long number(OSDictionary d, String key) {
        if (!(d.get(key) instanceof OSNumber n)) {
            throw new IllegalArgumentException(KEY + ": \"" + key + "\" is not a number");
        }
        return n.value();
    }

    private static boolean bool(OSDictionary d, String key) {
        if (!(d.get(key) instanceof OSBoolean b)) {
            throw new IllegalArgumentException(KEY + ": \"" + key + "\" is not a boolean");
        }
        return b.value();
    }
}
