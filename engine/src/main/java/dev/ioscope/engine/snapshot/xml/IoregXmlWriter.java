package dev.ioscope.engine.snapshot.xml;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.plist.PlistIntegers;
import dev.ioscope.engine.os.plist.XmlPlistWriter;
import dev.ioscope.engine.os.plist.XmlPlistWriter.KeyOrder;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.SnapshotWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one plane of a registry as {@code ioreg -a -l -p PLANE} does (plus {@code -i} when entries know their
 * class chain): each entry a dictionary of its properties and ioreg's synthetic keys (see {@link IoregKeys}),
 * children in IORegistryEntryChildren, an entry with two parents written under both, as ioreg's tree walk does.
 *
 * <p>Key order: ioreg hands a CFDictionary to CFPropertyListWrite, which sorts keys, so by default every
 * dictionary is sorted and synthetic keys fall among the properties. A snapshot read from an unsorted file
 * (info {@code keyOrder = table}), or a writer built with {@link KeyOrder#TABLE}, keeps property-table order
 * and puts the synthetic keys after the properties in ioreg's setting order — lossless for IOScope's round trips.
 */
public final class IoregXmlWriter implements SnapshotWriter {
    private final String plane;
    private final KeyOrder order;
    private final boolean lossless;

    /**
     * IOScope's lossless XML export: the snapshot's recorded plane (info {@code plane}), else IOService, else the
     * first plane, as ioreg -a writes it in property-table order, plus the {@link IoregXmlExtension} key on the
     * root that carries everything else (other planes, exact state, snapshot facts), so reading it back gives an
     * equal registry.
     */
    public IoregXmlWriter() {
        this.plane = null;
        this.order = KeyOrder.TABLE;
        this.lossless = true;
    }

    /**
     * @param plane the plane to write, or null for the snapshot's own
     * @param order the key order, or null for the snapshot's recorded one (sorted when unknown)
     */
    public IoregXmlWriter(String plane, KeyOrder order) {
        this.plane = plane;
        this.order = order;
        this.lossless = false;
    }

    @Override
    public SnapshotFormat format() {
        return SnapshotFormat.IOREG_XML;
    }

    @Override
    public void write(Snapshot snapshot, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        write(snapshot, w);
        w.flush();
    }

    public void write(Snapshot snapshot, Writer w) throws IOException {
        IORegistry reg = snapshot.registry();
        IORegistryPlane p = choosePlane(snapshot);
        KeyOrder keyOrder = order != null ? order
                : snapshot.info().get("keyOrder") instanceof OSString s && s.value().equals("table")
                ? KeyOrder.TABLE : KeyOrder.SORTED;
        XmlPlistWriter plist = new XmlPlistWriter(keyOrder);
        w.write(XmlPlistWriter.HEADER);
        extension = lossless ? IoregXmlExtension.build(snapshot, p) : null;
        writeEntry(reg.root(), p, 0, plist, w);
        w.write(XmlPlistWriter.FOOTER);
    }

    private IORegistryPlane choosePlane(Snapshot s) throws IOException {
        IORegistry reg = s.registry();
        String want = plane;
        if (want == null && s.info().get("plane") instanceof OSString ps) {
            want = ps.value();
        }
        if (want != null) {
            String w = want;
            return reg.findPlane(w).orElseThrow(() -> new IOException("the registry has no plane " + w));
        }
        return reg.findPlane(IORegistryPlane.IOSERVICE)
                .or(() -> reg.planes().stream().findFirst())
                .orElseGet(() -> reg.plane(IORegistryPlane.IOSERVICE));
    }

    private OSDictionary extension;

    private void writeEntry(IORegistryEntry e, IORegistryPlane p, int indent, XmlPlistWriter plist, Writer w)
            throws IOException {
        List<String> keys = new ArrayList<>();
        List<OSObject> values = new ArrayList<>();
        OSDictionary props = e.properties();
        for (int i = 0; i < props.size(); i++) {
            // ioreg sets its keys with CFDictionarySetValue after copying the properties: a property of the same
            // name is replaced by the synthetic value.
            if (!IoregKeys.SYNTHETIC.contains(props.keyAt(i)) && !IoregXmlExtension.KEY.equals(props.keyAt(i))) {
                keys.add(props.keyAt(i));
                values.add(props.valueAt(i));
            }
        }
        synthetic(e, p, keys, values);
        if (extension != null && indent == 0) {
            keys.add(IoregXmlExtension.KEY);
            values.add(extension);
        }
        List<IORegistryEntry> children = e.children(p);
        if (!children.isEmpty()) {
            keys.add(IoregKeys.CHILDREN);
            values.add(null);   // marks where the children go
        }
        Integer[] idx = new Integer[keys.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        if (plist.order() == KeyOrder.SORTED) {
            Arrays.sort(idx, (x, y) -> keys.get(x).compareTo(keys.get(y)));
        }
        XmlPlistWriter.indentTo(indent, w);
        w.write("<dict>\n");
        for (int i : idx) {
            plist.writeKey(keys.get(i), indent + 1, w);
            OSObject v = values.get(i);
            if (v != null) {
                plist.writeValue(v, indent + 1, w);
            } else {
                XmlPlistWriter.indentTo(indent + 1, w);
                w.write("<array>\n");
                for (IORegistryEntry c : children) {
                    writeEntry(c, p, indent + 2, plist, w);
                }
                XmlPlistWriter.indentTo(indent + 1, w);
                w.write("</array>\n");
            }
        }
        XmlPlistWriter.indentTo(indent, w);
        w.write("</dict>\n");
    }

    /** A number written without a size attribute: ioreg's CFNumbers carry no XNU width. */
    private static OSNumber plain(long v) {
        return OSNumber.of(v, PlistIntegers.defaultWidth(v));
    }

    /** ioreg.c archive(): the keys in the order it sets them. */
    private static void synthetic(IORegistryEntry e, IORegistryPlane p, List<String> keys, List<OSObject> values) {
        keys.add(IoregKeys.NAME);
        values.add(OSString.of(e.name(p)));
        String loc = e.location(p);
        if (loc != null) {
            keys.add(IoregKeys.LOCATION);
            values.add(OSString.of(loc));
        }
        keys.add(IoregKeys.ID);
        values.add(plain(e.registryEntryID()));
        keys.add(IoregKeys.CLASS);
        values.add(OSString.of(e.className()));
        List<String> chain = e.inheritance();
        if (!chain.isEmpty()) {
            List<OSObject> rootFirst = new ArrayList<>(chain.size());
            for (int i = chain.size() - 1; i >= 0; i--) {
                if (!(i == chain.size() - 1 && chain.get(i).equals("OSObject"))) {
                    rootFirst.add(OSString.of(chain.get(i)));
                }
            }
            keys.add(IoregKeys.INHERITANCE);
            values.add(OSArray.of(rootFirst));
        }
        EntryState s = e.state();
        if (s.retainCount() >= 0) {
            keys.add(IoregKeys.RETAIN_COUNT);
            values.add(plain(s.retainCount()));
        }
        if (s.service()) {
            OSDictionary info = e.snapshotInfo();
            long bits = info.get(IoregKeys.RAW_STATE) instanceof OSNumber n && IoregKeys.agrees(n.value(), s)
                    ? n.value() : IoregKeys.stateBits(s);
            long ms = s.busyTimeMs();
            keys.add(IoregKeys.SERVICE_STATE);
            values.add(plain(bits));
            keys.add(IoregKeys.BUSY_STATE);
            values.add(plain(s.busyState()));
            if (ms >= 0) {
                // ioreg always prints a busy time; a source that did not record one (an .ioreg archive) gets
                // none rather than an invented 0.
                long ns = info.get(IoregKeys.RAW_BUSY_TIME_NS) instanceof OSNumber n
                        && n.value() / IoregKeys.NANOS_PER_MS == ms ? n.value() : ms * IoregKeys.NANOS_PER_MS;
                keys.add(IoregKeys.BUSY_TIME);
                values.add(plain(ns));
            }
        }
    }
}
