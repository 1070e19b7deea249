package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.plist.PlistIntegers;
import dev.ioscope.engine.os.plist.XmlPlistWriter;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ioreg -a}: the registry as an XML plist, with the other flags applied as ioreg.c's archive(),
 * archive_scan() and archive_search() apply them: properties only with -l or for -c/-k/-n matches, the synthetic
 * IORegistryEntry… / IOObject… / IOService… keys always, IOObjectInheritance only with -i, children within -d,
 * and with -r an array of the matching subtrees (with -t each wrapped in its parents, whose
 * IORegistryEntryChildren is then a single dictionary, not an array). CoreFoundation writes keys sorted.
 */
public final class IoregArchive {
    private static final long INACTIVE = 0x1;
    private static final long REGISTERED = 0x2;
    private static final long MATCHED = 0x4;
    private static final long FIRST_PUBLISH = 0x8;
    private static final long FIRST_MATCH = 0x10;
    private static final long NANOS_PER_MS = 1_000_000L;

    private final IORegistry registry;
    private final IORegistryPlane plane;
    private final IoregOptions options;
    private final List<IORegistryEntry> stack = new ArrayList<>();

    private IoregArchive(IORegistry registry, IORegistryPlane plane, IoregOptions options) {
        this.registry = registry;
        this.plane = plane;
        this.options = options;
    }

    /** The plist value ioreg -a would write, or null when -r matched nothing (ioreg then writes nothing). */
    public static OSObject archive(IORegistry registry, IoregOptions options) {
        IORegistryPlane plane = registry.findPlane(options.plane()).orElse(null);
        if (plane == null) {
            return null;
        }
        IoregArchive a = new IoregArchive(registry, plane, options);
        if (options.root()) {
            List<OSObject> found = a.search(registry.root(), 0, 0);
            return found.isEmpty() ? null : OSArray.of(found);
        }
        return a.scan(registry.root(), 0, options.depth());
    }

    public static void write(IORegistry registry, IoregOptions options, OutputStream out) throws IOException {
        OSObject v = archive(registry, options);
        if (v == null) {
            return;
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        new XmlPlistWriter(XmlPlistWriter.KeyOrder.SORTED).writeDocument(v, w);
        w.flush();
    }

    private OSDictionary scan(IORegistryEntry e, int depth, int depthLimit) {
        OSDictionary d = entry(e);
        List<IORegistryEntry> children = e.children(plane);
        if ((depthLimit == 0 || depthLimit > depth + 1) && !children.isEmpty()) {
            List<OSObject> kids = new ArrayList<>(children.size());
            for (IORegistryEntry c : children) {
                kids.add(scan(c, depth + 1, depthLimit));
            }
            d = d.with("IORegistryEntryChildren", OSArray.of(kids));
        }
        return d;
    }

    private List<OSObject> search(IORegistryEntry e, long matchedDepth, int depth) {
        List<OSObject> out = new ArrayList<>();
        if (matchedDepth < depth + 1 && IoregMatch.matches(registry, plane, options, e)) {
            matchedDepth = options.depth() != 0 ? (long) depth + options.depth() : Long.MAX_VALUE;
            OSDictionary d;
            if (options.tree()) {
                d = scan(e, depth, options.depth() != 0 ? options.depth() + depth : 0);
                for (int i = depth; i > 0; i--) {
                    d = entry(stack.get(i - 1)).with("IORegistryEntryChildren", d);
                }
            } else {
                d = scan(e, 0, options.depth());
            }
            out.add(d);
        }
        stack.add(e);
        for (IORegistryEntry c : e.children(plane)) {
            out.addAll(search(c, matchedDepth, depth + 1));
        }
        stack.remove(stack.size() - 1);
        return out;
    }

    /** archive(): the properties (when listed), then ioreg's keys, which replace same-named properties. */
    private OSDictionary entry(IORegistryEntry e) {
        OSDictionary.Builder b = OSDictionary.builder();
        if (options.list() || IoregMatch.matches(registry, plane, options, e)) {
            b.putAll(e.properties());
        }
        b.put("IORegistryEntryName", OSString.of(e.name(plane)));
        String loc = e.location(plane);
        if (loc != null) {
            b.put("IORegistryEntryLocation", OSString.of(loc));
        }
        b.put("IORegistryEntryID", number(e.registryEntryID()));
        b.put("IOObjectClass", OSString.of(e.className()));
        if (options.inheritance()) {
            List<String> chain = e.inheritance().isEmpty() ? registry.classes().chain(e.className())
                    : e.inheritance();
            List<OSObject> rootFirst = new ArrayList<>();
            for (int i = chain.size() - 1; i >= 0; i--) {
                if (!chain.get(i).equals("OSObject")) {
                    rootFirst.add(OSString.of(chain.get(i)));
                }
            }
            b.put("IOObjectInheritance", OSArray.of(rootFirst));
        }
        EntryState s = e.state();
        b.put("IOObjectRetainCount", number(Math.max(0, s.retainCount())));
        if (s.service()) {
            // IOService.h: a registered service was also first published, a matched one first matched
            long bits = (s.registered() ? REGISTERED | FIRST_PUBLISH : 0) | (s.matched() ? MATCHED | FIRST_MATCH : 0)
                    | (s.active() ? 0 : INACTIVE);
            if (e.snapshotInfo().get("IOServiceState") instanceof OSNumber raw
                    && (raw.value() & (REGISTERED | MATCHED | INACTIVE))
                            == (bits & (REGISTERED | MATCHED | INACTIVE))) {
                bits = raw.value();
            }
            long ms = Math.max(0, s.busyTimeMs());
            long ns = e.snapshotInfo().get("IOServiceBusyTime") instanceof OSNumber raw
                    && raw.value() / NANOS_PER_MS == ms ? raw.value() : ms * NANOS_PER_MS;
            b.put("IOServiceState", number(bits));
            b.put("IOServiceBusyState", number(s.busyState()));
            b.put("IOServiceBusyTime", number(ns));
        }
        return b.build();
    }

    private static OSNumber number(long v) {
        return OSNumber.of(v, PlistIntegers.defaultWidth(v));
    }
}
