package dev.ioscope.plugins.pci;

import java.util.ArrayList;
import java.util.List;

/**
 * A PCI function's 256-byte configuration space (PCI Local Bus 3.0 §6.1): type 0 (device) or type 1 (bridge)
 * header, BARs sized and placed by the model, and a capability list (power management 0x40, MSI 0x50, PCI
 * Express 0x70). IOPCIDevice's nub properties are read from here, as IOPCIFamily reads them from hardware.
 */
public final class ConfigSpace {
    /** A base address register as the firmware left it. */
    public record Bar(int register, boolean io, boolean is64, boolean prefetchable, long address, long size) {
    }

    public static final int CAP_PM = 0x01;
    public static final int CAP_MSI = 0x05;
    public static final int CAP_PCIE = 0x10;

    private final byte[] b = new byte[256];
    private final List<Bar> bars = new ArrayList<>();

    public ConfigSpace(int vendor, int device, int classCode, int revision, int subVendor, int subDevice,
                       boolean bridge) {
        put16(0x00, vendor);
        put16(0x02, device);
        put16(0x04, 0x0006);                      // command: memory space + bus master
        put16(0x06, 0x0010);                      // status: capabilities list present
        b[0x08] = (byte) revision;
        put24(0x09, classCode);
        b[0x0e] = (byte) (bridge ? 1 : 0);        // header type
        if (!bridge) {
            put16(0x2c, subVendor);
            put16(0x2e, subDevice);
        }
        b[0x34] = 0x40;                           // capabilities pointer
        b[0x3d] = 1;                              // interrupt pin INTA#
        // PM capability (PCI PM 1.2): D0..D3hot
        b[0x40] = CAP_PM;
        b[0x41] = 0x50;
        put16(0x42, 0x0003);
        // MSI capability, 64-bit address capable
        b[0x50] = CAP_MSI;
        b[0x51] = 0x70;
        put16(0x52, 0x0080);
        // PCI Express capability: endpoint or root port; link x4 Gen3
        b[0x70] = CAP_PCIE;
        b[0x71] = 0;
        put16(0x72, bridge ? 0x0042 : 0x0002);
        put32(0x7c, 0x00400000 | (4 << 4) | 3);   // link capabilities: width x4, speed 8 GT/s
        put16(0x82, (4 << 4) | 3);                // link status
    }

    /** Places a BAR (memory 32/64 or I/O) at register 0x10 + 4·index. */
    public ConfigSpace bar(int index, boolean io, boolean is64, boolean prefetchable, long address, long size) {
        int reg = 0x10 + 4 * index;
        long low = io ? (address & ~3L) | 1 : (address & ~0xfL) | (is64 ? 4 : 0) | (prefetchable ? 8 : 0);
        put32(reg, (int) low);
        if (is64) {
            put32(reg + 4, (int) (address >>> 32));
        }
        bars.add(new Bar(reg, io, is64, prefetchable, address, size));
        return this;
    }

    /** A bridge's bus numbers (type 1 header: primary, secondary, subordinate). */
    public ConfigSpace buses(int primary, int secondary, int subordinate) {
        b[0x18] = (byte) primary;
        b[0x19] = (byte) secondary;
        b[0x1a] = (byte) subordinate;
        return this;
    }

    public int read8(int off) {
        return b[off] & 0xff;
    }

    public int read16(int off) {
        return read8(off) | read8(off + 1) << 8;
    }

    public int read32(int off) {
        return read16(off) | read16(off + 2) << 16;
    }

    public int vendor() {
        return read16(0x00);
    }

    public int device() {
        return read16(0x02);
    }

    public int classCode() {
        return read8(0x09) | read8(0x0a) << 8 | read8(0x0b) << 16;
    }

    public int revision() {
        return read8(0x08);
    }

    public boolean isBridge() {
        return (read8(0x0e) & 0x7f) == 1;
    }

    public List<Bar> bars() {
        return List.copyOf(bars);
    }

    /** Walks the capability list; the offset of capability {@code id}, or 0. Bounded against loops. */
    public int findCapability(int id) {
        int off = read8(0x34);
        for (int hops = 0; off != 0 && hops < 48; hops++) {
            if (read8(off) == id) {
                return off;
            }
            off = read8(off + 1);
        }
        return 0;
    }

    public byte[] bytes() {
        return b.clone();
    }

    private void put16(int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
    }

    private void put24(int off, int v) {
        put16(off, v);
        b[off + 2] = (byte) (v >> 16);
    }

    private void put32(int off, int v) {
        put16(off, v);
        put16(off + 2, v >>> 16);
    }
}
