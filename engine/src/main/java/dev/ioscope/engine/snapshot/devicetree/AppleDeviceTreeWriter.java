package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.SnapshotWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes Apple's device tree layout (see {@link AppleDeviceTreeReader}) from a {@link Node} description or from
 * a registry's IODeviceTree plane. From a registry only OSData properties are written (the device tree holds
 * nothing else); the {@code AAPL,unit-string} XNU moved into the location is put back, after the others, and
 * placeholder flags are restored from the entry's snapshot info.
 */
public final class AppleDeviceTreeWriter implements SnapshotWriter {

    /** One property: name (at most 31 bytes), value, and the bit-31 placeholder flag. */
    public record Property(String name, byte[] value, boolean placeholder) {
        public static Property of(String name, byte[] value) {
            return new Property(name, value, false);
        }

        /** A NUL-terminated string value, as device tree strings are stored. */
        public static Property string(String name, String value) {
            return of(name, (value + "\0").getBytes(StandardCharsets.ISO_8859_1));
        }

        /** A little-endian 32-bit value. */
        public static Property u32(String name, long value) {
            return of(name, new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)});
        }
    }

    /** One node: its properties in order, then its children. */
    public record Node(List<Property> properties, List<Node> children) {
    }

    @Override
    public SnapshotFormat format() {
        return SnapshotFormat.APPLE_DEVICE_TREE;
    }

    @Override
    public void write(Snapshot snapshot, OutputStream out) throws IOException {
        IORegistry registry = snapshot.registry();
        IORegistryPlane plane = registry.findPlane(IORegistryPlane.IODEVICETREE)
                .orElseThrow(() -> new IOException("the registry has no IODeviceTree plane"));
        List<IORegistryEntry> tops = registry.root().children(plane);
        if (tops.isEmpty()) {
            throw new IOException("the IODeviceTree plane is empty");
        }
        try {
            out.write(toBytes(fromEntry(tops.get(0), plane, 0)));
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot write an Apple device tree: " + e.getMessage(), e);
        }
    }

    private static Node fromEntry(IORegistryEntry e, IORegistryPlane plane, int depth) throws IOException {
        if (depth > 1000) {
            throw new IOException("IODeviceTree plane nested too deeply");
        }
        List<String> placeholders = new ArrayList<>();
        if (e.snapshotInfo().get(DeviceTreeRegistry.PLACEHOLDERS_KEY) instanceof OSArray a) {
            for (OSObject o : a.items()) {
                if (o instanceof OSString s) {
                    placeholders.add(s.value());
                }
            }
        }
        List<Property> props = new ArrayList<>();
        for (String key : e.properties().keys()) {
            if (e.property(key) instanceof OSData d) {
                props.add(new Property(key, d.toByteArray(), placeholders.contains(key)));
            }
        }
        if (e.snapshotInfo().get(DeviceTreeRegistry.UNIT_STRING_KEY) instanceof OSData unit) {
            props.add(Property.of(DeviceTreeRegistry.UNIT_STRING_KEY, unit.toByteArray()));
        }
        List<Node> kids = new ArrayList<>();
        for (IORegistryEntry c : e.children(plane)) {
            kids.add(fromEntry(c, plane, depth + 1));
        }
        return new Node(props, kids);
    }

    /** The file bytes for a tree. */
    public static byte[] toBytes(Node top) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(top, out);
        return out.toByteArray();
    }

    private static void write(Node n, ByteArrayOutputStream out) {
        le32(out, n.properties().size());
        le32(out, n.children().size());
        for (Property p : n.properties()) {
            byte[] name = p.name().getBytes(StandardCharsets.ISO_8859_1);
            if (name.length >= AppleDeviceTreeReader.NAME_LENGTH) {
                throw new IllegalArgumentException("property name longer than 31 bytes: " + p.name());
            }
            out.write(name, 0, name.length);
            out.write(new byte[AppleDeviceTreeReader.NAME_LENGTH - name.length], 0,
                    AppleDeviceTreeReader.NAME_LENGTH - name.length);
            le32(out, p.value().length | (p.placeholder() ? AppleDeviceTreeReader.PLACEHOLDER : 0));
            out.write(p.value(), 0, p.value().length);
            int pad = (4 - (p.value().length & 3)) & 3;
            out.write(new byte[pad], 0, pad);
        }
        for (Node c : n.children()) {
            write(c, out);
        }
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
