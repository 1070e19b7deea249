package dev.ioscope.engine.snapshot;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.PendingProperties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark load: a deterministic, realistic registry of any size for benchmarks and UI performance work
 * (the small sample Mac the explorer shows when nothing loads is {@code SampleMacRegistry}): a Mac-like IOService
 * tree (platform expert, ACPI, PCI bridges and devices, USB hosts, ports and devices, HID interfaces, storage
 * stacks, drivers) whose entries carry the kinds of properties real snapshots hold — device-tree style OSData,
 * 32- and 64-bit numbers (some negative), booleans, IOPowerManagement dictionaries, arrays — plus an IOPower
 * plane over the same entries and entries with two parents. The same size and seed always give the same registry.
 */
public final class BenchmarkRegistry {
    static final String[][] FAMILIES = {
        // class, name, bundle, provider class
        {"IOPCIDevice", "pci8086,a2af", "com.apple.iokit.IOPCIFamily", "IOPCIBridge"},
        {"AppleUSBXHCISPTLP", "XHC1", "com.apple.driver.usb.AppleUSBXHCIPCI", "IOPCIDevice"},
        {"AppleUSB20XHCIPort", "HS01", "com.apple.driver.usb.AppleUSBXHCI", "AppleUSBXHCI"},
        {"IOUSBHostDevice", "USB2.0 Hub", "com.apple.iokit.IOUSBHostFamily", "AppleUSBHostPort"},
        {"IOUSBHostInterface", "IOUSBHostInterface", "com.apple.iokit.IOUSBHostFamily", "IOUSBHostDevice"},
        {"IOHIDInterface", "IOHIDInterface", "com.apple.iokit.IOHIDFamily", "IOHIDDevice"},
        {"IOHIDEventDriver", "IOHIDEventDriver", "com.apple.iokit.IOHIDFamily", "IOHIDInterface"},
        {"AppleACPIPCI", "PCI0", "com.apple.driver.AppleACPIPlatform", "IOACPIPlatformDevice"},
        {"IOPCI2PCIBridge", "RP01", "com.apple.iokit.IOPCIFamily", "IOPCIDevice"},
        {"IOAHCIBlockStorageDevice", "IOAHCIBlockStorageDevice", "com.apple.iokit.IOAHCIBlockStorage",
            "IOAHCIDevice"},
        {"IOMedia", "APPLE SSD SM0512L Media", "com.apple.iokit.IOStorageFamily", "IOBlockStorageDriver"},
        {"AppleHDAController", "AppleHDAController", "com.apple.driver.AppleHDAController", "IOPCIDevice"},
        {"IOThunderboltPort", "IOThunderboltPort@7", "com.apple.iokit.IOThunderboltFamily",
            "IOThunderboltSwitch"},
        {"AppleSMC", "AppleSMC", "com.apple.driver.AppleSMC", "IOACPIPlatformDevice"},
        {"IONVMeController", "IONVMeController", "com.apple.iokit.IONVMeFamily", "IOPCIDevice"},
        {"AppleIntelFramebuffer", "AppleIntelFramebuffer@0", "com.apple.driver.AppleIntelKBLGraphicsFramebuffer",
            "IOPCIDevice"},
    };
    private static final int MAX_DEPTH = 14;
    /** Each family's class chain, shared by its entries (an entry keeps the immutable list it is given). */
    private static final List<List<String>> CHAINS = chains();
    /** The locations entries draw ({@code 0}..{@code 1f}, each alone or with {@code ,1}), made once. */
    private static final String[][] LOCATIONS = locations();
    /** About how many values an entry draws onto the tape (8.8 on average over the five mixes). */
    private static final int VALUES_PER_ENTRY = 9;

    private final SplittableRandom rnd;
    private final IORegistry reg = IORegistry.create();
    private final IORegistryPlane service = reg.plane(IORegistryPlane.IOSERVICE);
    private final IORegistryPlane power = reg.plane(IORegistryPlane.IOPOWER);
    private final List<IORegistryEntry> all;
    /** The depth of each of {@link #all}'s entries in the IOService plane. */
    private int[] depth;
    /** The states entries draw, by busy time and retain count, made on first draw. */
    private final EntryState[][] states = new EntryState[50][30];
    /** The random values the property tables are built from, drawn in the generator's order. */
    private final Tape tape;
    private final List<Table> tables;
    private static final OSDictionary SNAPSHOT_INFO = OSDictionary.of("plane", OSString.of(IORegistryPlane.IOSERVICE));

    /** A generator for {@code entries} entries: its lists are made that size at once (no copies as they grow). */
    private BenchmarkRegistry(long seed, int entries) {
        this.rnd = new SplittableRandom(seed);
        this.all = new ArrayList<>(entries);
        this.tables = new ArrayList<>(entries);
        this.depth = new int[entries];
        this.tape = new Tape(entries * VALUES_PER_ENTRY);
    }

    /**
     * A registry of {@code entries} entries (the root included), every property table built before this returns,
     * on this thread (tables built on a second thread cost more CPU than they saved in wall time on the shared
     * 2-core build box: docs/benchmarks.md).
     */
    public static IORegistry generate(int entries, long seed) {
        BenchmarkRegistry b = new BenchmarkRegistry(seed, Math.max(entries, 2));
        b.build(Math.max(entries, 2));
        try {
            b.tables().complete();
        } catch (SnapshotException e) {
            throw new IllegalStateException("a generated property table cannot fail", e);
        }
        return b.reg;
    }

    /** The same registry wrapped as a snapshot (IOService plane, sorted keys: the shape ioreg -a writes). */
    public static Snapshot snapshot(int entries, long seed) {
        return new Snapshot(generate(entries, seed), SnapshotFormat.IOREG_XML, SNAPSHOT_INFO, "synthetic-" + entries);
    }

    /**
     * The same snapshot, returned as soon as its tree (names, classes, planes, states) is built: each property
     * table is built, exactly as {@link #snapshot} builds it, when an entry's properties are first asked for, or on
     * background threads once the caller starts them ({@code tables().start()}; the explorer does once the tree
     * is drawn). For the explorer, whose tree needs no property.
     */
    public static Snapshot open(int entries, long seed) {
        BenchmarkRegistry b = new BenchmarkRegistry(seed, Math.max(entries, 2));
        b.build(Math.max(entries, 2));
        return new Snapshot(b.reg, SnapshotFormat.IOREG_XML, SNAPSHOT_INFO, "synthetic-" + entries, List.of(),
                b.tables());
    }

    private DeferredTables tables() {
        return new DeferredTables(tables);
    }

    private void build(int entries) {
        IORegistryEntry root = reg.root();
        root.setProperties(OSDictionary.of(
                "IOKitBuildVersion", OSString.of("Darwin Kernel Version 17.7.0: synthetic; root:xnu-4570.71.2~1"),
                "IORegistryPlanes", OSDictionary.of("IOService", OSString.of("IOService"),
                        "IOPower", OSString.of("IOPower")),
                "IOMaximumMappedIOByteCount", OSNumber.of64(0x200000000L)));
        IORegistryEntry platform = reg.createEntry("IOPlatformExpertDevice", "MacBookPro15,1");
        platform.setInheritance(List.of("IOPlatformExpertDevice", "IOService", "IORegistryEntry", "OSObject"));
        platform.setState(EntryState.settledService(20));
        platform.setProperties(OSDictionary.of("model", BenchmarkTables.data("MacBookPro15,1\0"), "IOPlatformUUID",
                OSString.of("6660D8A8-83B3-5AA0-8439-FEFEEDE3A294"), "IOBusyInterest",
                OSString.of("IOCommand is not serializable")));
        reg.attach(platform, root, service);
        reg.attach(platform, root, power);
        all.add(platform);
        // Grow from recent parents so subtrees cluster as drivers stacks do, but keep the depth of a real
        // registry (the deepest real IOService paths are ~20 levels; most are under 14).
        // Every entry so far may be a parent: all (the platform first) with each one's depth.
        depth[0] = 1;
        while (reg.size() < entries) {
            int pick = all.size() - 1 - rnd.nextInt(Math.min(all.size(), 64));
            if (depth[pick] >= MAX_DEPTH) {
                pick = rnd.nextInt(Math.min(all.size(), 256));
            }
            IORegistryEntry parent = all.get(pick);
            int d = depth[pick] + 1;
            int kids = 1 + rnd.nextInt(6);
            for (int k = 0; k < kids && reg.size() < entries; k++) {
                IORegistryEntry e = entry(reg.size());
                reg.attach(e, parent, service);
                if (rnd.nextInt(4) == 0) {
                    reg.attach(e, parent, power);
                }
                if (all.size() == depth.length) {
                    depth = Arrays.copyOf(depth, depth.length * 2);
                }
                depth[all.size()] = d;
                all.add(e);
            }
        }
        // A few leaf entries with a second parent, as IOHIDInterface nubs and power children have in real
        // registries. Leaves only: ioreg prints a two-parent entry's whole subtree under each parent.
        for (int i = 0; i < Math.max(1, entries / 5000) && all.size() > 10; i++) {
            IORegistryEntry child = all.get(all.size() - 1 - rnd.nextInt(all.size() / 2));
            IORegistryEntry other = all.get(rnd.nextInt(all.size() / 4));
            if (child.childCount(service) == 0 && !reg.isAncestor(child, other, service)
                    && !child.isChildOf(other, service)) {
                reg.attach(child, other, service);
            }
        }
    }

    private IORegistryEntry entry(int n) {
        int family = rnd.nextInt(FAMILIES.length);
        String[] f = FAMILIES[family];
        IORegistryEntry e = reg.createEntry(f[0], f[1]);
        if (rnd.nextInt(3) > 0) {
            int at = rnd.nextInt(0x20);
            e.setLocation(LOCATIONS[at][rnd.nextBoolean() ? 0 : 1]);
        }
        e.setInheritance(CHAINS.get(family));
        e.setState(state(rnd.nextInt(50), rnd.nextInt(30)));
        Table t = new Table(e, family, n % 5, tape.length());
        drawProperties(t.kind);
        e.setPendingProperties(t);
        tables.add(t);
        return e;
    }

    private EntryState state(int busyTimeMs, int retain) {
        EntryState s = states[busyTimeMs][retain];
        if (s == null) {
            s = new EntryState(true, true, true, true, 0, busyTimeMs, 5 + retain);
            states[busyTimeMs][retain] = s;
        }
        return s;
    }

    private static List<List<String>> chains() {
        List<List<String>> chains = new ArrayList<>(FAMILIES.length);
        for (String[] f : FAMILIES) {
            chains.add(List.of(f[0], "IOService", "IORegistryEntry", "OSObject"));
        }
        return List.copyOf(chains);
    }

    private static String[][] locations() {
        String[][] l = new String[0x20][2];
        for (int i = 0; i < 0x20; i++) {
            l[i][0] = Integer.toHexString(i);
            l[i][1] = Integer.toHexString(i) + ",1";
        }
        return l;
    }

    /**
     * Draws, in the generator's order, the random values {@link BenchmarkTables#properties} uses for one entry's
     * table, onto the tape: the tree is drawn and built in one pass, the tables built from the tape later, on any
     * thread.
     */
    private void drawProperties(int kind) {
        tape.add(rnd.nextInt(8) == 0 ? -100 : rnd.nextInt(10000));
        switch (kind) {
            case 0 -> {
                tape.add(rnd.nextInt(0x10000));
                drawBytes(20);
                tape.add(rnd.nextInt(0x10000));
                drawBytes(8);
            }
            case 1 -> {
                tape.add(0x80000000L | rnd.nextInt(1 << 24));
                tape.add(rnd.nextInt(100));
                tape.add(rnd.nextInt(0x10000));
                tape.add(rnd.nextLong() & Long.MAX_VALUE);
                tape.add(rnd.nextBoolean() ? 1 : 0);
            }
            case 2 -> tape.add(rnd.nextInt(64));
            case BenchmarkTables.STORAGE_MIX -> {
                tape.add(rnd.nextInt(8));
                tape.add(rnd.nextLong());
                tape.add(rnd.nextLong());
            }
            default -> {
            }
        }
    }

    private void drawBytes(int n) {
        for (int i = 0; i < n; i++) {
            tape.add(rnd.nextInt(rnd.nextInt(4) == 0 ? 256 : 16));
        }
    }

    /**
     * One entry's table, pending until first asked for or built by the tables' threads ({@link DeferredTables}):
     * which family, which of the five property mixes, and where its drawn values start on the tape.
     */
    private final class Table implements PendingProperties, DeferredTables.Table {
        private final IORegistryEntry entry;
        private final int family;
        private final int kind;
        private final int from;

        Table(IORegistryEntry entry, int family, int kind, int from) {
            this.entry = entry;
            this.family = family;
            this.kind = kind;
            this.from = from;
        }

        @Override
        public OSDictionary decode() {
            return BenchmarkTables.properties(family, kind, tape.reader(from));
        }

        /** The BSD name is known without building the table: the tree pass drew it (the tape's second value). */
        @Override
        public boolean knows(String key) {
            return BenchmarkTables.BSD_NAME.equals(key);
        }

        @Override
        public OSObject property(String key) {
            if (!knows(key)) {
                return decode().get(key);
            }
            if (kind != BenchmarkTables.STORAGE_MIX) {
                return null;
            }
            Tape.Reader r = tape.reader(from);
            r.next(); // IOProbeScore
            return BenchmarkTables.bsdName(r.next());
        }

        @Override
        public IORegistryEntry entry() {
            return entry;
        }

        @Override
        public SnapshotException error() {
            return null;
        }
    }

    /** For callers that want a value mix without a registry (e.g. codec micro-benchmarks). */
    public static OSObject sampleProperties(long seed) {
        BenchmarkRegistry s = new BenchmarkRegistry(seed, 1);
        return s.entry(0).properties();
    }
}
