package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.plist.NSKeyedArchiveBuilder;
import dev.ioscope.engine.os.plist.PlistValue;
import dev.ioscope.engine.os.plist.PlistValue.PBool;
import dev.ioscope.engine.os.plist.PlistValue.PData;
import dev.ioscope.engine.os.plist.PlistValue.PDate;
import dev.ioscope.engine.os.plist.PlistValue.PInt;
import dev.ioscope.engine.os.plist.PlistValue.PUid;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Encodes one IORegistryEntry as a RexRegistryEntry, with the keys in the order Apple's files have them. */
final class RexEntryEncoder {
    private final NSKeyedArchiveBuilder a;
    private final IORegistry registry;
    private final Map<IORegistryEntry, PUid> uids;
    private final PropertyTableEncoder properties;
    private final PDate defaultDate;
    private final Map<IORegistryEntry, Long> tags = new LinkedHashMap<>();

    RexEntryEncoder(NSKeyedArchiveBuilder a, IORegistry registry, Map<IORegistryEntry, PUid> uids,
                    PropertyTableEncoder properties, PDate defaultDate) {
        this.a = a;
        this.registry = registry;
        this.uids = uids;
        this.properties = properties;
        this.defaultDate = defaultDate;
        assignTags();
    }

    /**
     * entryTag: the one an archive gave (snapshotInfo), else the reader's ID rule reversed, else the next free
     * tag; tags stay distinct, which the reader requires.
     */
    private void assignTags() {
        Set<Long> used = new HashSet<>();
        List<IORegistryEntry> later = new ArrayList<>();
        for (IORegistryEntry e : registry.entries()) {
            long tag = e.snapshotInfo().get(RexKeys.ENTRY_TAG) instanceof OSNumber n ? n.signedValue()
                    : e.registryEntryID() - IORegistry.ROOT_ID + 1;
            if (tag >= 1 && tag <= 1L << 40 && used.add(tag)) {
                tags.put(e, tag);
            } else {
                later.add(e);
            }
        }
        long next = used.stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        for (IORegistryEntry e : later) {
            tags.put(e, next++);
        }
    }

    void encode(IORegistryEntry e) {
        OSDictionary info = e.snapshotInfo();
        EntryState st = e.state();
        List<IORegistryPlane> planes = registry.planes();
        Map<String, PlistValue> f = new LinkedHashMap<>();
        f.put(RexKeys.LOCATION, a.string(e.location()));
        f.put(RexKeys.IS_MATCHED, PBool.of(st.matched()));
        f.put(RexKeys.ENTRY_TAG, PInt.of(tags.get(e)));
        Map<String, PUid> locations = new LinkedHashMap<>();
        Map<String, PUid> names = new LinkedHashMap<>();
        for (IORegistryPlane p : planes) {
            names.put(p.name(), a.string(e.name(p)));
            String loc = e.location(p);
            if (loc != null) {
                locations.put(p.name(), a.string(loc));
            }
        }
        f.put(RexKeys.LOCATIONS_IN_PLANES, a.dictionary(locations, NSKeyedArchiveBuilder.NSMUTABLEDICTIONARY));
        f.put(RexKeys.IS_ACTIVE, PBool.of(st.active()));
        f.put(RexKeys.IS_NEW, PBool.of(flag(info, RexKeys.IS_NEW)));
        PDate discovered = IoregArchiveWriter.date(info, RexKeys.DATE_DISCOVERED);
        f.put(RexKeys.DATE_DISCOVERED, a.date(discovered == null ? defaultDate : discovered));
        f.put(RexKeys.NAME, a.string(e.name()));
        f.put(RexKeys.TERMINATION_ACKNOWLEDGED, PBool.of(flag(info, RexKeys.TERMINATION_ACKNOWLEDGED)));
        f.put(RexKeys.PARENTS_IN_PLANES, links(e, planes, true, List.of()));
        f.put(RexKeys.BUNDLE_ID, a.string(IoregArchiveWriter.string(info, RexKeys.BUNDLE_ID, null)));
        f.put(RexKeys.KERNEL_RETAIN_COUNT, PInt.of(st.retainCount()));
        f.put(RexKeys.CONFORMS_TO_IOSERVICE, PBool.of(st.service()));
        f.put(RexKeys.NAMES_IN_PLANES, a.dictionary(names, NSKeyedArchiveBuilder.NSMUTABLEDICTIONARY));
        f.put(RexKeys.IS_REGISTRY_ROOT, PBool.of(e == registry.root()));
        f.put(RexKeys.PROPERTIES, PData.wrap(properties.encode(e.properties())));
        f.put(RexKeys.CHILDREN_IN_PLANES, links(e, planes, false,
                IoregArchiveWriter.strings(info.get(RexKeys.EMPTY_CHILDREN_PLANES))));
        f.put(RexKeys.DATE_TERMINATED, a.date(IoregArchiveWriter.date(info, RexKeys.DATE_TERMINATED)));
        f.put(RexKeys.BUSY_COUNT, PInt.of(st.busyState()));
        f.put(RexKeys.IS_REGISTERED, PBool.of(st.registered()));
        List<String> chain = e.inheritance().isEmpty() ? registry.classes().chain(e.className()) : e.inheritance();
        f.put(RexKeys.INHERITANCE, a.stringArray(chain, NSKeyedArchiveBuilder.NSARRAY));
        f.put(RexKeys.DATE_LAST_UPDATED, a.date(IoregArchiveWriter.date(info, RexKeys.DATE_LAST_UPDATED)));
        a.define(uids.get(e), RexKeys.ENTRY_CLASSES, f);
    }

    /** parentsInPlanes / childrenInPlanes: plane → NSMutableArray of entries, planes with links only. */
    private PUid links(IORegistryEntry e, List<IORegistryPlane> planes, boolean parents, List<String> keepEmpty) {
        Map<String, PUid> m = new LinkedHashMap<>();
        for (IORegistryPlane p : planes) {
            List<IORegistryEntry> linked = parents ? e.parents(p) : e.children(p);
            if (linked.isEmpty() && !keepEmpty.contains(p.name())) {
                continue;
            }
            List<PUid> refs = new ArrayList<>(linked.size());
            for (IORegistryEntry x : linked) {
                refs.add(uids.get(x));
            }
            m.put(p.name(), a.array(refs, NSKeyedArchiveBuilder.NSMUTABLEARRAY));
        }
        return a.dictionary(m, NSKeyedArchiveBuilder.NSMUTABLEDICTIONARY);
    }

    private static boolean flag(OSDictionary info, String key) {
        return info.get(key) instanceof OSBoolean b && b.value();
    }
}
