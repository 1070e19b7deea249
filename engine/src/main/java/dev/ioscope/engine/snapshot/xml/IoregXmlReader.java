package dev.ioscope.engine.snapshot.xml;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSUnserializable;
import dev.ioscope.engine.os.plist.XmlPlistReader;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.SnapshotReader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code ioreg -a [-l] [-i] [-p PLANE] [-r -t]} output: an XML plist whose dictionaries mix an entry's
 * properties with the synthetic keys of {@link IoregKeys}, children nested under IORegistryEntryChildren.
 *
 * <p>An entry with two parents in the plane is printed twice (ioreg walks the tree); both copies carry the same
 * IORegistryEntryID, so entries are keyed by ID and the second copy only adds a link. With {@code -r} the top
 * level is an array of matches; with {@code -r -t} each match is wrapped in its parent chain, where a parent's
 * IORegistryEntryChildren is a single dictionary rather than an array (ioreg.c archive_search()).
 *
 * <p>The file does not name its plane. It is taken from the constructor, else from a file name such as
 * {@code mac.IODeviceTree.xml}, else IOService (ioreg's default); it is recorded in {@link Snapshot#info()} as
 * {@code plane}. Whether keys were sorted (as CoreFoundation writes them) is recorded as {@code keyOrder}.
 */
public final class IoregXmlReader implements SnapshotReader {
    /** Keys only a registry dump has; the root's IOKitDiagnostics alone can fill the sniffed head. */
    private static final byte[][] MARKERS = {
        bytes("<key>IORegistryEntryName</key>"), bytes("<key>IORegistryEntryChildren</key>"),
        bytes("<key>IORegistryEntryID</key>"), bytes("<key>IOObjectClass</key>"),
        bytes("<key>IOKitBuildVersion</key>"), bytes("<key>IOKitDiagnostics</key>")};

    private final String plane;

    /** Reads the plane named by the file name, else IOService. */
    public IoregXmlReader() {
        this(null);
    }

    /** Reads files known to hold {@code plane} (null: guess as {@link #IoregXmlReader()} does). */
    public IoregXmlReader(String plane) {
        this.plane = plane;
    }

    @Override
    public SnapshotFormat format() {
        return SnapshotFormat.IOREG_XML;
    }

    /**
     * An XML document holding one of ioreg's synthetic keys (or the root's IOKitBuildVersion, which sorts before
     * them) in its first 4 KiB. A plain plist such as a kext's Info.plist has none of them.
     */
    @Override
    public boolean sniff(byte[] head, String fileName) {
        if (!XmlPlistReader.looksLikeXml(head)) {
            return false;
        }
        for (byte[] m : MARKERS) {
            if (indexOf(head, m) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each registry level takes two plist levels (a dict and its IORegistryEntryChildren array), and a property
     * at the deepest level may nest its own value as deep again: the plist reader allows that much, and the
     * registry's own depth is then held to {@code limits} like every other format's (RegistryDepth).
     */
    static ParseLimits plistLimits(ParseLimits limits) {
        int depth = (int) Math.min(Integer.MAX_VALUE, 3L * limits.maxDepth() + 2);
        return new ParseLimits(depth, limits.maxStringBytes(), limits.maxCount(), limits.maxFileBytes());
    }

    @Override
    public Snapshot read(byte[] data, String name, ParseLimits limits) throws SnapshotException {
        OSObject top = XmlPlistReader.read(data, name, plistLimits(limits));
        String planeName = plane != null ? plane : planeFromFileName(name);
        return new Builder(name, limits, planeName).build(top);
    }

    /** {@code x.IODeviceTree.xml} → IODeviceTree; null when no part of the name looks like a plane. */
    static String planeFromFileName(String name) {
        if (name == null) {
            return IORegistryPlane.IOSERVICE;
        }
        String file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String[] parts = file.split("\\.");
        for (int i = parts.length - 2; i >= 1; i--) {
            String p = parts[i];
            if (p.length() > 2 && (p.startsWith("IO") || p.equals("CoreCapture")) && p.chars().allMatch(
                    c -> Character.isLetterOrDigit(c) || c == '_')) {
                return p;
            }
        }
        return IORegistryPlane.IOSERVICE;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] h, byte[] n) {
        outer:
        for (int i = 0; i + n.length <= h.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (h[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Turns the parsed plist into a registry. */
    private static final class Builder {
        private final String file;
        private final ParseLimits limits;
        private final String planeName;
        private IORegistry registry;
        private IORegistryPlane plane;
        private boolean sorted = true;
        private boolean synthesizedRoot;
        private int seen;

        Builder(String file, ParseLimits limits, String planeName) {
            this.file = file;
            this.limits = limits;
            this.planeName = planeName;
        }

        Snapshot build(OSObject top) throws SnapshotException {
            List<OSDictionary> roots = new ArrayList<>();
            if (top instanceof OSDictionary d) {
                roots.add(d);
            } else if (top instanceof OSArray a) {
                for (OSObject o : a.items()) {
                    if (!(o instanceof OSDictionary d)) {
                        throw fail(null, "top-level array holds a " + o.typeName() + ", not an entry dictionary");
                    }
                    roots.add(d);
                }
            } else {
                throw fail(null, "top level is a " + top.typeName() + ", not an ioreg -a dictionary");
            }
            for (OSDictionary d : roots) {
                if (!(d.get(IoregKeys.NAME) instanceof OSString)) {
                    throw fail(null, "XML plist is not an ioreg -a registry (no IORegistryEntryName string in "
                            + "the top dictionary)");
                }
            }
            if (roots.isEmpty()) {
                registry = IORegistry.create();
                synthesizedRoot = true;
            } else {
                Long firstId = idOrNull(roots.get(0));
                long rootId = firstId == null ? IORegistry.ROOT_ID : firstId;
                boolean sameRoot = roots.stream().allMatch(d -> idOrNull(d) != null && idOrNull(d) == rootId);
                if (roots.size() == 1 || sameRoot) {
                    // ioreg -a, or ioreg -a -r -t: every match hangs from the registry root's chain.
                    OSDictionary r = roots.get(0);
                    registry = IORegistry.create(rootId, ((OSString) r.get(IoregKeys.NAME)).value());
                } else {
                    // ioreg -a -r without -t: matched subtrees only; hang them from a synthetic root.
                    registry = IORegistry.create();
                    synthesizedRoot = true;
                }
            }
            plane = registry.plane(planeName);
            for (OSDictionary d : roots) {
                visit(d, synthesizedRoot ? registry.root() : null, synthesizedRoot ? 1 : 0);   // links from the root
            }
            OSDictionary.Builder info = OSDictionary.builder()
                    .put("plane", OSString.of(plane.name()))
                    .put("keyOrder", OSString.of(sorted ? "sorted" : "table"));
            if (top instanceof OSArray) {
                info.put("ioregMatches", OSNumber.of32(roots.size()));
            }
            if (synthesizedRoot) {
                info.put("syntheticRoot", OSBoolean.TRUE);
            }
            Snapshot plain = new Snapshot(registry, SnapshotFormat.IOREG_XML, info.build(), file);
            try {
                return IoregXmlExtension.apply(plain);
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new SnapshotException(file, "root dictionary, key " + IoregXmlExtension.KEY, e.getMessage());
            }
        }

        private void visit(OSDictionary d, IORegistryEntry parent, int depth) throws SnapshotException {
            if (depth > limits.maxDepth()) {
                throw fail(d, "registry deeper than " + limits.maxDepth() + " levels");
            }
            if (++seen > limits.maxCount()) {
                throw fail(d, "more than " + limits.maxCount() + " entries");
            }
            IORegistryEntry e;
            Long idv = idOrNull(d);
            if (parent == null) {
                e = registry.root();
                fill(e, d);
            } else if (idv != null && registry.entry(idv).isPresent()) {
                e = registry.entry(idv).get();   // a second parent: link only, the entry is already filled
            } else {
                String cls = string(d, IoregKeys.CLASS, "IORegistryEntry");
                String nm = string(d, IoregKeys.NAME, cls);
                e = idv == null ? registry.createEntry(cls, nm) : registry.createEntry(idv, cls, nm);
                fill(e, d);
            }
            if (parent != null) {
                try {
                    registry.attach(e, parent, plane);
                } catch (IllegalArgumentException ex) {
                    throw fail(d, "entry is its own ancestor (" + ex.getMessage() + ")");
                }
            }
            OSObject children = d.get(IoregKeys.CHILDREN);
            if (children instanceof OSArray a) {
                for (OSObject c : a.items()) {
                    if (!(c instanceof OSDictionary cd)) {
                        throw fail(d, "IORegistryEntryChildren holds a " + c.typeName());
                    }
                    visit(cd, e, depth + 1);
                }
            } else if (children instanceof OSDictionary cd) {
                visit(cd, e, depth + 1);      // the -r -t parent-chain quirk
            } else if (children != null) {
                throw fail(d, "IORegistryEntryChildren is a " + children.typeName());
            }
        }

        private void fill(IORegistryEntry e, OSDictionary d) throws SnapshotException {
            e.setClassName(string(d, IoregKeys.CLASS, e.className()));
            e.setName(string(d, IoregKeys.NAME, e.name()));
            OSObject loc = d.get(IoregKeys.LOCATION);
            if (loc != null) {
                e.setLocation(stringValue(d, IoregKeys.LOCATION, loc));
            }
            OSObject inh = d.get(IoregKeys.INHERITANCE);
            if (inh instanceof OSArray a) {
                // ioreg lists the chain root first without OSObject; the model keeps it leaf first, as
                // IORegistryExplorer's `inheritance` does, ending at OSObject.
                List<String> chain = new ArrayList<>(a.size() + 1);
                for (int i = a.size() - 1; i >= 0; i--) {
                    chain.add(stringValue(d, IoregKeys.INHERITANCE, a.get(i)));
                }
                if (chain.isEmpty() || !chain.get(chain.size() - 1).equals("OSObject")) {
                    chain.add("OSObject");
                }
                e.setInheritance(chain);
            } else if (inh != null) {
                throw fail(d, "IOObjectInheritance is a " + inh.typeName());
            }
            int retain = (int) number(d, IoregKeys.RETAIN_COUNT, -1);
            OSObject stateObj = d.get(IoregKeys.SERVICE_STATE);
            OSDictionary.Builder info = OSDictionary.builder().putAll(e.snapshotInfo());
            if (stateObj != null) {
                long bits = number(d, IoregKeys.SERVICE_STATE, 0);
                // No IOServiceBusyTime (IOScope omits it when a source such as an .ioreg archive did not
                // record one) means unknown, -1.
                long busyNs = number(d, IoregKeys.BUSY_TIME, -1);
                e.setState(new EntryState(true, (bits & IoregKeys.REGISTERED) != 0,
                        (bits & IoregKeys.MATCHED) != 0, (bits & IoregKeys.INACTIVE) == 0,
                        (int) number(d, IoregKeys.BUSY_STATE, 0),
                        busyNs < 0 ? -1 : busyNs / IoregKeys.NANOS_PER_MS, retain));
                info.put(IoregKeys.RAW_STATE, d.get(IoregKeys.SERVICE_STATE));
                if (d.get(IoregKeys.BUSY_TIME) != null) {
                    info.put(IoregKeys.RAW_BUSY_TIME_NS, d.get(IoregKeys.BUSY_TIME));
                }
            } else {
                e.setState(EntryState.PLAIN.withRetainCount(retain));
            }
            if (info.size() > 0) {
                e.setSnapshotInfo(info.build());
            }
            OSDictionary.Builder props = OSDictionary.builder(d.size());
            String prev = null;
            for (int i = 0; i < d.size(); i++) {
                String k = d.keyAt(i);
                if (prev != null && prev.compareTo(k) > 0) {
                    sorted = false;
                }
                prev = k;
                if (!IoregKeys.SYNTHETIC.contains(k)) {
                    // The kernel serializes objects it cannot serialize as "<Class> is not serializable" strings.
                    props.put(k, OSUnserializable.recognize(d.valueAt(i)));
                }
            }
            e.setProperties(props.build());
        }

        private static Long idOrNull(OSDictionary d) {
            return d.get(IoregKeys.ID) instanceof OSNumber n ? n.value() : null;
        }

        private long number(OSDictionary d, String key, long dflt) throws SnapshotException {
            OSObject o = d.get(key);
            if (o == null) {
                return dflt;
            }
            if (!(o instanceof OSNumber n)) {
                throw fail(d, key + " is a " + o.typeName() + ", not a number");
            }
            return n.signedValue();
        }

        private String string(OSDictionary d, String key, String dflt) throws SnapshotException {
            OSObject o = d.get(key);
            return o == null ? dflt : stringValue(d, key, o);
        }

        private String stringValue(OSDictionary d, String key, OSObject o) throws SnapshotException {
            if (!(o instanceof OSString s)) {
                throw fail(d, key + " is a " + o.typeName() + ", not a string");
            }
            return s.value();
        }

        private SnapshotException fail(OSDictionary d, String problem) {
            String place = null;
            if (d != null) {
                OSObject n = d.get(IoregKeys.NAME);
                Long id = idOrNull(d);
                place = "entry " + (n instanceof OSString s ? "\"" + s.value() + "\"" : "?")
                        + (id == null ? "" : " (id 0x" + Long.toHexString(id) + ")");
            }
            return new SnapshotException(file, place, problem);
        }
    }
}
