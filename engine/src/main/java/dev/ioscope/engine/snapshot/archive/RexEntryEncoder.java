package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
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
        OSDictionary.Builder extras = OSDictionary.builder(4);
        EntryState st = e.state();
        List<IORegistryPlane> planes = registry.planes();
        long tag = tags.get(e);
        if (e.registryEntryID() != IORegistry.ROOT_ID + tag - 1) {
            extras.put(RexKeys.X_REGISTRY_ENTRY_ID, OSNumber.of64(e.registryEntryID()));
        }
        Map<String, PlistValue> f = new LinkedHashMap<>();
        f.put(RexKeys.LOCATION, a.string(e.location()));
        f.put(RexKeys.IS_MATCHED, PBool.of(st.matched()));
        f.put(RexKeys.ENTRY_TAG, PInt.of(tag));
        Map<String, PUid> locations = new LinkedHashMap<>();
        Map<String, PUid> names = new LinkedHashMap<>();
        List<OSObject> ownDefaultNames = new ArrayList<>();
        List<OSObject> ownDefaultLocations = new ArrayList<>();
        for (IORegistryPlane p : planes) {
            names.put(p.name(), a.string(e.name(p)));
            String loc = e.location(p);
            if (loc != null) {
                locations.put(p.name(), a.string(loc));
            }
            // a plane name equal to the default name reads back as "no plane name": say it in the extras
            if (e.name().equals(e.ownName(p))) {
                ownDefaultNames.add(OSString.of(p.name()));
            }
            if (e.ownLocation(p) != null && e.ownLocation(p).equals(e.location())) {
                ownDefaultLocations.add(OSString.of(p.name()));
            }
        }
        f.put(RexKeys.LOCATIONS_IN_PLANES, a.dictionary(locations, NSKeyedArchiveBuilder.NSMUTABLEDICTIONARY));
        f.put(RexKeys.IS_ACTIVE, PBool.of(st.active()));
        boolean isNew = flag(info, RexKeys.IS_NEW);
        f.put(RexKeys.IS_NEW, PBool.of(isNew));
        PDate discovered = IoregArchiveWriter.date(info, RexKeys.DATE_DISCOVERED);
        if (discovered == null) {
            discovered = defaultDate;
        }
        f.put(RexKeys.DATE_DISCOVERED, a.date(discovered));
        f.put(RexKeys.NAME, a.string(e.name()));
        boolean acknowledged = flag(info, RexKeys.TERMINATION_ACKNOWLEDGED);
        f.put(RexKeys.TERMINATION_ACKNOWLEDGED, PBool.of(acknowledged));
        f.put(RexKeys.PARENTS_IN_PLANES, links(e, planes, true, List.of()));
        String bundle = IoregArchiveWriter.string(info, RexKeys.BUNDLE_ID, null);
        f.put(RexKeys.BUNDLE_ID, a.string(bundle));
        f.put(RexKeys.KERNEL_RETAIN_COUNT, PInt.of(st.retainCount()));
        f.put(RexKeys.CONFORMS_TO_IOSERVICE, PBool.of(st.service()));
        f.put(RexKeys.NAMES_IN_PLANES, a.dictionary(names, NSKeyedArchiveBuilder.NSMUTABLEDICTIONARY));
        f.put(RexKeys.IS_REGISTRY_ROOT, PBool.of(e == registry.root()));
        OSDictionary props = e.properties();
        if (TypedValues.needsTags(props)) {
            extras.put(RexKeys.X_TYPED_PROPERTIES, props);
            props = (OSDictionary) TypedValues.flatten(props);
        }
        f.put(RexKeys.PROPERTIES, PData.wrap(properties.encode(props)));
        List<String> keepEmpty = new ArrayList<>();
        for (String p : IoregArchiveWriter.strings(info.get(RexKeys.EMPTY_CHILDREN_PLANES))) {
            if (registry.findPlane(p).map(pl -> e.children(pl).isEmpty()).orElse(false)) {
                keepEmpty.add(p);
            }
        }
        f.put(RexKeys.CHILDREN_IN_PLANES, links(e, planes, false, keepEmpty));
        PDate terminated = IoregArchiveWriter.date(info, RexKeys.DATE_TERMINATED);
        f.put(RexKeys.DATE_TERMINATED, a.date(terminated));
        f.put(RexKeys.BUSY_COUNT, PInt.of(st.busyState()));
        f.put(RexKeys.IS_REGISTERED, PBool.of(st.registered()));
        List<String> chain = e.inheritance();
        if (chain.isEmpty()) {
            // IORegistryExplorer needs a chain: the catalogue's; the extras say the snapshot had none
            chain = registry.classes().chain(e.className());
            extras.put(RexKeys.X_NO_INHERITANCE, OSBoolean.TRUE);
        }
        f.put(RexKeys.INHERITANCE, a.stringArray(chain, NSKeyedArchiveBuilder.NSARRAY));
        PDate lastUpdated = IoregArchiveWriter.date(info, RexKeys.DATE_LAST_UPDATED);
        f.put(RexKeys.DATE_LAST_UPDATED, a.date(lastUpdated));

        if (st.busyTimeMs() != -1) {
            extras.put(RexKeys.X_BUSY_TIME_MS, OSNumber.of64(st.busyTimeMs()));
        }
        if (!ownDefaultNames.isEmpty()) {
            extras.put(RexKeys.X_OWN_NAME_PLANES, OSArray.of(ownDefaultNames));
        }
        if (!ownDefaultLocations.isEmpty()) {
            extras.put(RexKeys.X_OWN_LOCATION_PLANES, OSArray.of(ownDefaultLocations));
        }
        OSDictionary derived = new RexEntryInfo(tag, bundle, isNew, discovered, lastUpdated, terminated, acknowledged,
                st.service(), chain, keepEmpty).toInfo();
        if (!derived.equals(info)) {
            extras.put(RexKeys.X_SNAPSHOT_INFO, info);
        }
        if (extras.size() > 0) {
            // tagged as a whole: foreign snapshotInfo may hold symbols and unserializable values too
            OSDictionary tagged = (OSDictionary) TypedValues.tag(extras.build());
            f.put(RexKeys.IOSCOPE_EXTRAS, PData.wrap(properties.encode(tagged)));
        }
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
