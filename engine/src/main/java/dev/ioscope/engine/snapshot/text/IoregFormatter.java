package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * ioreg -f, "smart formatting" (ioreg.c printProp and friends): IEEE 1275 device-tree properties decoded
 * (reg under a pci parent, assigned-addresses, slot-names, ranges, interrupt-map, interrupts,
 * interrupt-parent) and other data as a hex dump when it is longer than 8 bytes and not text. Cells are read
 * little-endian, as ioreg reads them on an Intel Mac. Where ioreg would exit on a non-data value, we print the
 * value plainly instead.
 *
 * <p>Rule DT1: a cell count is trusted only up to {@link #MAX_CELLS}, the cells XNU's IODTResolveAddressCell
 * holds for an address and its size (IODeviceTreeSupport.cpp; more is "Invalid device tree"). A ranges or
 * interrupt-map whose counts are larger (a flattened tree read little-endian gives 0x02000000 for 2) is shown
 * as a plain hex dump, so a hostile or big-endian tree cannot make one line of gigabytes.
 */
final class IoregFormatter {
    private static final IORegistryPlane DT = new IORegistryPlane(IORegistryPlane.IODEVICETREE);
    private static final String[] SPACES = {"Config", "I/O", "Mem", "64-bit"};
    /** IODTResolveAddressCell's {@code UInt32 cell[8]}: address plus size cells of one entry. */
    static final int MAX_CELLS = 8;

    private final IORegistry registry;
    private final IoregLine line;
    private final IoregValues values;
    private final IoregOptions options;

    IoregFormatter(IORegistry registry, IoregLine line, IoregValues values, IoregOptions options) {
        this.registry = registry;
        this.line = line;
        this.values = values;
        this.options = options;
    }

    void printProp(String key, OSObject value, IORegistryEntry e, int depth, BitSet bits) throws IOException {
        if (value instanceof OSData d) {
            byte[] b = d.toByteArray();
            switch (key) {
                case "reg" -> {
                    IORegistryEntry parent = e.parent(DT);
                    if (parent != null && parent.name(DT).startsWith("pci")) {
                        physAddr(b, depth, bits);
                        return;
                    }
                }
                case "assigned-addresses" -> {
                    physAddr(b, depth, bits);
                    return;
                }
                case "slot-names" -> {
                    slotNames(b, depth, bits);
                    return;
                }
                case "ranges" -> {
                    ranges(b, e, depth, bits);
                    return;
                }
                case "interrupt-map" -> {
                    interruptMap(b, e, depth, bits);
                    return;
                }
                case "interrupts" -> {
                    interrupts(b, depth, bits);
                    return;
                }
                case "interrupt-parent" -> {
                    interruptParent(b);
                    return;
                }
                default -> {
                }
            }
            printData(b, depth, bits);
            return;
        }
        values.show(value);
        line.println();
    }

    private void indent(int depth, BitSet bits) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth + 2; i++) {
            sb.append(bits.get(i) ? "| " : "  ");
        }
        line.print(sb.toString());
    }

    private static long cell(byte[] b, int i) {
        if (i * 4 + 4 > b.length) {
            return 0;
        }
        return (b[i * 4] & 0xffL) | (b[i * 4 + 1] & 0xffL) << 8 | (b[i * 4 + 2] & 0xffL) << 16
                | (b[i * 4 + 3] & 0xffL) << 24;
    }

    private static String hex8(long v) {
        return String.format("%08x", v);
    }

    private void physAddr(byte[] b, int depth, BitSet bits) throws IOException {
        if (b.length == 0) {
            line.println("<>");
            return;
        }
        line.println();
        for (int n = 0; n < b.length / 20; n++) {
            long hi = cell(b, n * 5);
            indent(depth, bits);
            line.println(String.format("    %02d: phys.hi: %s phys.mid: %s phys.lo: %s", n, hex8(hi),
                    hex8(cell(b, n * 5 + 1)), hex8(cell(b, n * 5 + 2))));
            indent(depth, bits);
            line.println("        size.hi: " + hex8(cell(b, n * 5 + 3)) + " size.lo: " + hex8(cell(b, n * 5 + 4)));
            indent(depth, bits);
            line.println("        bus: " + ((hi >> 16) & 0xff) + " dev: " + ((hi >> 11) & 0x1f) + " func: "
                    + ((hi >> 8) & 7) + " reg: " + (hi & 0xff));
            indent(depth, bits);
            line.println("        type: " + SPACES[(int) ((hi >> 24) & 3)] + " flags: "
                    + ((hi & 0x80000000L) != 0 ? "abs" : "rel") + ((hi & 0x40000000L) != 0 ? ", prefetch" : "")
                    + ((hi & 0x20000000L) != 0 ? ", alias" : ""));
        }
    }

    private void slotNames(byte[] b, int depth, BitSet bits) throws IOException {
        long avail = cell(b, 0);
        if (b.length < 4 || avail == 0) {
            line.println("<>");
            return;
        }
        line.println();
        int p = 4;
        for (int n = 0; n < 32; n++) {
            if ((avail & (1L << n)) != 0) {
                int end = p;
                while (end < b.length && b[end] != 0) {
                    end++;
                }
                indent(depth, bits);
                line.println(String.format("    %02d: ", n) + new String(b, Math.min(p, b.length),
                        Math.max(0, end - p), StandardCharsets.ISO_8859_1));
                p = end + 1;
            }
        }
    }

    /** getRecursivePropValue: the first 4 bytes of the property on the entry or its IODeviceTree parents. */
    private int cells(IORegistryEntry e, String key) {
        for (IORegistryEntry x = e; x != null; x = x.parent(DT)) {
            if (x.property(key) instanceof OSData d && d.length() >= 4) {
                return (int) d.littleEndian(4);
            }
        }
        return 0;
    }

    private void ranges(byte[] b, IORegistryEntry e, int depth, BitSet bits) throws IOException {
        if (b.length == 0) {
            line.println("<>");
            return;
        }
        IORegistryEntry parent = e.parent(DT);
        int[] counts = {cells(e, "#address-cells"), parent == null ? 0 : cells(parent, "#address-cells"),
                cells(e, "#size-cells")};
        if (!plausible(counts[0], counts[1], counts[2])) {
            printData(b, depth, bits);
            return;
        }
        String[] titles = {"-child--", "-parent-", "-size---"};
        line.println();
        indent(depth, bits);
        line.print("    ");
        for (int j = 0; j < 3; j++) {
            line.print(titles[j]);
            if (counts[j] > 1) {
                line.print("-");
                for (int i = 2; i <= counts[j]; i++) {
                    line.print(i == counts[j] ? "-------- " : "---------");
                }
            } else {
                line.print(" ");
            }
        }
        line.println();
        int elem = counts[0] + counts[1] + counts[2];
        int n = elem > 0 ? b.length / (elem * 4) : 0;
        for (int j = 0, q = 0; j < n; j++) {
            indent(depth, bits);
            line.print("    ");
            for (int i = 0; i < elem; i++) {
                line.print(hex8(cell(b, q++)) + " ");
            }
            line.println();
        }
    }

    /** DT1: each count within IODTResolveAddressCell's bound (negative means a word over 2^31). */
    private static boolean plausible(int... counts) {
        for (int c : counts) {
            if (c < 0 || c > MAX_CELLS) {
                return false;
            }
        }
        return true;
    }

    private IORegistryEntry phandle(long handle) {
        for (IORegistryEntry x : registry.entries()) {
            if (x.property("AAPL,phandle") instanceof OSData d && d.length() == 4 && d.littleEndian(4) == handle) {
                return x;
            }
        }
        return null;
    }

    /** IORegistryEntryGetPath in IODeviceTree without the "IODeviceTree:" prefix. */
    private String dtPath(IORegistryEntry e) {
        List<String> parts = new ArrayList<>();
        for (IORegistryEntry x = e; x != null && x != registry.root(); x = x.parent(DT)) {
            String loc = x.location(DT);
            parts.add(0, x.name(DT) + (loc == null ? "" : "@" + loc));
        }
        if (!parts.isEmpty() && parts.get(0).equals("/")) {
            parts.remove(0);
        }
        return "/" + String.join("/", parts);
    }

    private void interruptMap(byte[] b, IORegistryEntry e, int depth, BitSet bits) throws IOException {
        int addressCells = cells(e, "#address-cells");
        int interruptCells = cells(e, "#interrupt-cells");
        if (!plausible(addressCells, interruptCells)) {
            printData(b, depth, bits);
            return;
        }
        int childCells = addressCells + interruptCells;
        int total = b.length / 4;
        line.println();
        int pos = 0;
        for (int count = 0; pos < total; count++) {
            indent(depth, bits);
            line.print(String.format("    %02d: ", count));
            line.print("  child: ");
            for (int i = 0; i < childCells; i++) {
                line.print(hex8(cell(b, pos++)) + " ");
            }
            line.println();
            long handle = cell(b, pos);
            IORegistryEntry parent = phandle(handle);
            int parentAddressCells = parent == null ? 0 : cells(parent, "#address-cells");
            int parentInterruptCells = parent == null ? 0 : cells(parent, "#interrupt-cells");
            // DT1: a parent with implausible counts ends the map (its cells cannot be told apart).
            indent(depth, bits);
            line.println("        phandle: " + hex8(handle) + " (" + (parent == null ? "" : dtPath(parent)) + ")");
            pos++;
            int parentCells = plausible(parentAddressCells, parentInterruptCells)
                    ? parentAddressCells + parentInterruptCells : Math.max(0, total - pos);
            indent(depth, bits);
            line.print("         parent: ");
            for (int i = 0; i < parentCells; i++) {
                line.print(hex8(cell(b, pos++)) + " ");
            }
            line.println();
        }
    }

    private void interrupts(byte[] b, int depth, BitSet bits) throws IOException {
        int length = b.length / 4;
        line.println();
        int pos = 0;
        for (int index = 0, count = 0; pos < length; index++) {
            indent(depth, bits);
            line.print(String.format("    %02d: ", index));
            if (count < length - 1) {
                long spec = cell(b, pos);
                long sense = cell(b, pos + 1);
                line.print("specifier: " + hex8(spec) + " (vector: " + String.format("%02x", spec & 0xff)
                        + ") sense: " + hex8(sense) + " (");
                pos++;
                count++;
                if ((sense & 2) != 0) {
                    line.print("HyperTransport vector: " + String.format("%04x", (sense >> 16) & 0xffff) + ", ");
                }
                line.println(((sense & 1) != 0 ? "level" : "edge") + ")");
            } else {
                line.println("parent interrupt-map entry: " + hex8(cell(b, pos)));
            }
            pos++;
            count++;
        }
    }

    private void interruptParent(byte[] b) throws IOException {
        IORegistryEntry parent = phandle(cell(b, 0));
        if (parent != null) {
            line.print("<" + hex8(cell(b, 0)) + ">");
            String p = dtPath(parent);
            if (!p.isEmpty()) {
                line.print(" (" + p + ")");
            }
            line.println();
        }
        // ioreg prints nothing, not even the newline, when the phandle is unknown.
    }

    /** printData: text as in cfshow (trailing NUL padding allowed), over 8 bytes a hex dump, else hex pairs. */
    private void printData(byte[] b, int depth, BitSet bits) throws IOException {
        if (IoregValues.isStrings(b, options.hex(), true)) {
            line.print("<");
            values.strings(b);
            line.print(">");
        } else if (b.length > 8) {
            long room = ((long) options.width() - 20 - 2L * depth) & 0xffffffffL;
            int perLine = (int) Math.max(1, Math.min(32, room / 4));
            for (int offset = 0; offset < b.length; offset += perLine) {
                line.println();
                int n = Math.min(perLine, b.length - offset);
                StringBuilder w = new StringBuilder(String.format("%08X:", offset));
                for (int i = 0; i < perLine; i++) {
                    w.append(i < n ? String.format(" %02X", b[offset + i] & 0xff) : "   ");
                }
                w.append(' ');
                for (int i = 0; i < n; i++) {
                    int c = b[offset + i] & 0xff;
                    w.append(c < ' ' || c > '~' ? '.' : (char) c);
                }
                indent(depth, bits);
                line.print("    " + w);
            }
        } else {
            line.print("<" + IoregValues.hexBytes(b) + ">");
        }
        line.println();
    }
}
