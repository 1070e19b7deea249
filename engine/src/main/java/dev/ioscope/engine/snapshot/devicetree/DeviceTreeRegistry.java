package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Turns a parsed device tree into an IODeviceTree plane the way XNU's IODeviceTreeAlloc does
 * (iokit/Kernel/IODeviceTreeSupport.cpp): every node becomes an IOService-class entry (MakeReferenceTable
 * does {@code new IOService}) whose property table holds every device tree property as OSData; the tree is
 * attached under the registry root in the IODeviceTree plane. The top node keeps the plane name
 * {@code device-tree} while its own name becomes its first {@code compatible} string ("purely cosmetic" in
 * XNU); on a booted Mac IOPlatformExpertDevice then takes the top node's place (IOService::init(from, plane)),
 * so the top entry is given that class.
 */
final class DeviceTreeRegistry {
    /** snapshotInfo key: the labels a .dts gave the node. */
    static final String LABELS_KEY = "DTLabels";
    /** snapshotInfo key: the node's full name as the tree spelled it (name@unit-address). */
    static final String NODE_NAME_KEY = "DTNodeName";
    /** snapshotInfo key (Apple): property names whose length word had bit 31 (placeholder) set. */
    static final String PLACEHOLDERS_KEY = "AppleDTPlaceholders";
    /** snapshotInfo key (Apple): the AAPL,unit-string value XNU removes from the table after using it. */
    static final String UNIT_STRING_KEY = "AAPL,unit-string";

    static final String TOP_NAME = "device-tree";
    private static final List<String> NODE_CHAIN = List.of("IOService", "IORegistryEntry", "OSObject");
    private static final List<String> TOP_CHAIN =
            List.of("IOPlatformExpertDevice", "IOService", "IORegistryEntry", "OSObject");
    /** Device tree nodes are IOServices that nobody registers: active, not registered, not matched. */
    private static final EntryState NODE_STATE = new EntryState(true, false, false, true, 0, -1, -1);
    private static final EntryState TOP_STATE = new EntryState(true, true, true, true, 0, -1, -1);

    /** How an entry gets its name and location. */
    enum Naming {
        /** Flattened trees (.dtb/.dts): the node name is name@unit-address; split it. */
        UNIT_ADDRESS,
        /**
         * Apple's tree: the name is the {@code name} property; the location is {@code AAPL,unit-string}
         * (removed from the table) or else the first 32-bit word of {@code reg} printed "%X" (MakeReferenceTable).
         */
        APPLE
    }

    private DeviceTreeRegistry() {
    }

    static IORegistry build(DtNode top, Naming naming) {
        IORegistry registry = IORegistry.create();
        IORegistryPlane plane = registry.plane(IORegistryPlane.IODEVICETREE);
        Deque<DtNode> nodes = new ArrayDeque<>();
        Deque<IORegistryEntry> parents = new ArrayDeque<>();
        nodes.push(top);
        parents.push(registry.root());
        while (!nodes.isEmpty()) {
            DtNode node = nodes.pop();
            IORegistryEntry parent = parents.pop();
            boolean isTop = node == top;
            IORegistryEntry entry = registry.createEntry(isTop ? TOP_CHAIN.get(0) : NODE_CHAIN.get(0), "IOService");
            entry.setInheritance(isTop ? TOP_CHAIN : NODE_CHAIN);
            entry.setState(isTop ? TOP_STATE : NODE_STATE);
            fill(entry, node, naming, isTop, plane);
            registry.attach(entry, parent, plane);
            List<DtNode> kids = node.liveChildren();
            for (int i = kids.size() - 1; i >= 0; i--) {
                nodes.push(kids.get(i));
                parents.push(entry);
            }
        }
        return registry;
    }

    private static void fill(IORegistryEntry entry, DtNode node, Naming naming, boolean isTop, IORegistryPlane plane) {
        OSDictionary.Builder props = OSDictionary.builder();
        OSDictionary.Builder info = OSDictionary.builder();
        List<OSObject> placeholders = new ArrayList<>();
        String name = null;
        String location = null;
        boolean unitSeen = false;
        for (DtProperty p : node.liveProperties()) {
            if (naming == Naming.APPLE && p.name.equals(UNIT_STRING_KEY)) {
                // "all OF strings are null terminated... except this one": at most 31 bytes, up to a NUL.
                location = cString(p.value, 31);
                unitSeen = true;
                info.put(UNIT_STRING_KEY, OSData.of(p.value));
                continue;
            }
            props.put(p.name, OSData.of(p.value));
            if (p.placeholder) {
                placeholders.add(OSString.of(p.name));
            }
            if (naming == Naming.APPLE && p.name.equals("name")) {
                name = cString(p.value, Integer.MAX_VALUE);
            } else if (naming == Naming.APPLE && !unitSeen && p.name.equals("reg") && p.value.length >= 4) {
                long reg = (p.value[0] & 0xffL) | (p.value[1] & 0xffL) << 8 | (p.value[2] & 0xffL) << 16
                        | (p.value[3] & 0xffL) << 24;
                location = Long.toHexString(reg).toUpperCase(Locale.ROOT);
            }
        }
        if (naming == Naming.UNIT_ADDRESS) {
            int at = node.name.indexOf('@');
            name = at < 0 ? node.name : node.name.substring(0, at);
            location = at < 0 ? null : node.name.substring(at + 1);
            if (!node.name.isEmpty()) {
                info.put(NODE_NAME_KEY, OSString.of(node.name));
            }
        }
        if (name == null || name.isEmpty()) {
            name = isTop ? TOP_NAME : "IOService"; // IORegistryEntry::getName() falls back to the class name
        }
        OSDictionary table = props.build();
        entry.setProperties(table);
        if (isTop) {
            entry.setName(plane, isTop && naming == Naming.UNIT_ADDRESS ? TOP_NAME : name);
            OSObject compatible = table.get("compatible");
            entry.setName(compatible instanceof OSData d && d.length() > 0
                    ? cString(d.toByteArray(), Integer.MAX_VALUE) : entry.name(plane));
        } else {
            entry.setName(name);
        }
        entry.setLocation(location);
        if (!node.labels.isEmpty()) {
            List<OSObject> labels = new ArrayList<>();
            node.labels.forEach(l -> labels.add(OSString.of(l)));
            info.put(LABELS_KEY, OSArray.of(labels));
        }
        if (!placeholders.isEmpty()) {
            info.put(PLACEHOLDERS_KEY, OSArray.of(placeholders));
        }
        entry.setSnapshotInfo(info.build());
    }

    /** The bytes up to the first NUL (or {@code max}), as ISO-8859-1 so every byte maps to one char. */
    static String cString(byte[] b, int max) {
        int n = 0;
        while (n < b.length && n < max && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }
}
