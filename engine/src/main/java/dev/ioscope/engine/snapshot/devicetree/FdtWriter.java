package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Writes a registry's IODeviceTree plane as a version 17 flattened device tree, laid out as dtc lays it out
 * (flattree.c): header, memory reservations, structure block, strings block, each string stored once and shared
 * with the tail of a longer one when it is one (stringtable_insert). Only OSData properties are written (a device
 * tree holds nothing else); node names are the tree's own ({@code name@unit-address}).
 */
public final class FdtWriter implements SnapshotWriter {
    private static final int HEADER = 40;
    private static final Object END_MARK = new Object();

    @Override
    public SnapshotFormat format() {
        return SnapshotFormat.FDT;
    }

    @Override
    public void write(Snapshot snapshot, OutputStream out) throws IOException {
        IORegistry registry = snapshot.registry();
        IORegistryPlane plane = registry.findPlane(IORegistryPlane.IODEVICETREE)
                .orElseThrow(() -> new IOException("the registry has no IODeviceTree plane"));
        if (registry.root().children(plane).isEmpty()) {
            throw new IOException("the IODeviceTree plane is empty");
        }
        IORegistryEntry top = registry.root().children(plane).get(0);

        ByteArrayOutputStream rsv = new ByteArrayOutputStream();
        if (snapshot.info().get(FdtReader.INFO_MEMORY_RESERVATIONS) instanceof OSArray a) {
            for (OSObject o : a.items()) {
                if (o instanceof OSDictionary d && d.get("address") instanceof OSNumber addr
                        && d.get("size") instanceof OSNumber size) {
                    be(rsv, addr.value(), 8);
                    be(rsv, size.value(), 8);
                }
            }
        }
        be(rsv, 0, 8);
        be(rsv, 0, 8);

        ByteArrayOutputStream struct = new ByteArrayOutputStream();
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        writeTree(top, plane, struct, strings);
        be(struct, FdtReader.END, 4);

        int offRsv = HEADER;
        int offStruct = offRsv + rsv.size();
        int offStrings = offStruct + struct.size();
        int total = offStrings + strings.size();
        ByteBuffer h = ByteBuffer.allocate(HEADER);
        h.putInt(FdtReader.MAGIC).putInt(total).putInt(offStruct).putInt(offStrings).putInt(offRsv)
                .putInt(17).putInt(16).putInt((int) number(snapshot.info(), FdtReader.INFO_BOOT_CPUID_PHYS))
                .putInt(strings.size()).putInt(struct.size());
        out.write(h.array());
        rsv.writeTo(out);
        struct.writeTo(out);
        strings.writeTo(out);
    }

    private static long number(OSDictionary info, String key) {
        return info.get(key) instanceof OSNumber n ? n.value() : 0;
    }

    /** Depth-first without recursion: END_MARK on the stack stands for "end this node". */
    private static void writeTree(IORegistryEntry top, IORegistryPlane plane, ByteArrayOutputStream struct,
                                  ByteArrayOutputStream strings) {
        Deque<Object> work = new ArrayDeque<>();
        work.push(top);
        while (!work.isEmpty()) {
            Object next = work.pop();
            if (!(next instanceof IORegistryEntry e)) {
                be(struct, FdtReader.END_NODE, 4);
                continue;
            }
            be(struct, FdtReader.BEGIN_NODE, 4);
            byte[] name = (e == top ? "" : nodeName(e, plane)).getBytes(StandardCharsets.ISO_8859_1);
            struct.write(name, 0, name.length);
            struct.write(0);
            pad(struct);
            OSDictionary props = e.properties();
            for (int i = 0; i < props.size(); i++) {
                if (props.valueAt(i) instanceof OSData d) {
                    be(struct, FdtReader.PROP, 4);
                    be(struct, d.length(), 4);
                    be(struct, stringOffset(strings, props.keyAt(i)), 4);
                    byte[] v = d.toByteArray();
                    struct.write(v, 0, v.length);
                    pad(struct);
                }
            }
            work.push(END_MARK);
            var kids = e.children(plane);
            for (int i = kids.size() - 1; i >= 0; i--) {
                work.push(kids.get(i));
            }
        }
    }

    private static String nodeName(IORegistryEntry e, IORegistryPlane plane) {
        if (e.snapshotInfo().get(DeviceTreeRegistry.NODE_NAME_KEY) instanceof OSString s) {
            return s.value();
        }
        return e.nameWithLocation(plane);
    }

    /** dtc's stringtable_insert: the first place the string (with its NUL) already appears, else appended. */
    private static int stringOffset(ByteArrayOutputStream strings, String s) {
        byte[] table = strings.toByteArray();
        byte[] want = (s + "\0").getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + want.length <= table.length; i++) {
            if (Arrays.equals(table, i, i + want.length, want, 0, want.length)) {
                return i;
            }
        }
        strings.write(want, 0, want.length);
        return table.length;
    }

    private static void pad(ByteArrayOutputStream out) {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
    }

    private static void be(ByteArrayOutputStream out, long v, int bytes) {
        for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
    }
}
