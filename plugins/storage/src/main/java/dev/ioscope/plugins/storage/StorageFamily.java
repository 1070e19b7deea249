package dev.ioscope.plugins.storage;

import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.sim.DriverBehavior;
import dev.ioscope.engine.spi.FamilyContext;
import dev.ioscope.engine.spi.FamilyInfo;
import dev.ioscope.engine.spi.HardwareFamily;
import dev.ioscope.engine.spi.PaletteDevice;
import dev.ioscope.engine.spi.Props;

import dev.ioscope.engine.registry.IORegistryEntry;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.io.UncheckedIOException;

/**
 * IOStorageFamily and IONVMeFamily: the NVMe controller, the block storage device, IOBlockStorageDriver, the
 * media, partition schemes that probe the medium's content (GPT vs FDisk: the one that recognises it wins the
 * IOStorage category), and IOMediaBSDClient on every medium.
 */
public final class StorageFamily implements HardwareFamily {
    /** Per boot (register() runs once per machine): the reporters the block storage drivers publish. */
    private final Map<IORegistryEntry, BlockStorageReports> reports = new LinkedHashMap<>();


    /** The running block storage drivers' reporters, in start order. */
    public List<BlockStorageReports> blockStorageReports() {
        return List.copyOf(reports.values());
    }

    /** IOBlockStorageDriver::start creates its reporters and publishes the legend (handleStart). */
    final class BlockStorageDriver implements DriverBehavior {
        @Override
        public boolean start(DriverContext ctx) {
            reports.put(ctx.self(), new BlockStorageReports(ctx.self(), ctx::now, ctx.reportHub()));
            return true;
        }

        @Override
        public void stop(DriverContext ctx) {
            reports.remove(ctx.self());
            BlockStorageReports.stopped(ctx.self());
        }
    }

    @Override
    public FamilyInfo info() {
        return new FamilyInfo("storage", "Storage family", "1.0",
                "NVMe controller, IOBlockStorageDevice, IOMedia, GPT/FDisk partition schemes, BSD names");
    }

    @Override
    public void register(FamilyContext ctx) {
        ctx.deviceModel("nvme", StorageModels.NVME);
        // an NVMe drive is a PCIe device: it plugs in behind a bridge (the pci family's slot)
        ctx.paletteDevice(new PaletteDevice("NVMe SSD, 1 TB, GUID partitions", "pci", """
                {"type": "nvme", "name": "NVME", "location": "0", "vendor": "0x144d", "device": "0xa808",
                 "model": "Samsung SSD 970 EVO Plus 1TB", "serial": "S4EWNX0VIRTUAL", "blocks": 244190646,
                 "partitions": [{"name": "EFI", "content": "C12A7328-F81F-11D2-BA4B-00A0C93EC93B",
                                 "size": 209715200},
                                {"name": "Untitled", "content": "48465300-0000-11AA-AA11-00306543ECAC",
                                 "size": 999014400000}]}"""));
        ctx.classEntry("IOStorage", "IOService");
        ctx.classEntry("IOMedia", "IOStorage");
        ctx.classEntry("IOBlockStorageDevice", "IOService");
        ctx.classEntry("IONVMeBlockStorageDevice", "IOBlockStorageDevice");
        ctx.classEntry("IONVMeController", "IOService");
        reports.clear();
        ctx.driver("IOBlockStorageDriver", "IOStorage", new BlockStorageDriver());
        ctx.classEntry("IOPartitionScheme", "IOStorage");
        ctx.classEntry("IOMediaBSDClient", "IOService");
        ctx.driver("IOGUIDPartitionScheme", "IOPartitionScheme", new PartitionScheme(StorageModels.GPT));
        ctx.driver("IOFDiskPartitionScheme", "IOPartitionScheme", new PartitionScheme(StorageModels.MBR));
        // partition schemes publish their partitions but do not register themselves (!registered in real dumps)
        ctx.unregisteredDriver("IOGUIDPartitionScheme");
        ctx.unregisteredDriver("IOFDiskPartitionScheme");
        // power-managed drivers (they join the IOPower plane when they start)
        ctx.table("power", "IONVMeController", Props.threeStatePowerTable());
        ctx.table("power", "IOBlockStorageDriver", Props.threeStatePowerTable());
        try {
            ctx.infoPlist(StorageFamily.class.getResourceAsStream("Info.plist"), "storage/Info.plist");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A partition scheme reads the medium in probe and refuses one that does not hold its map
     * (IOGUIDPartitionScheme::probe / IOFDiskPartitionScheme::probe); the medium's "Content" stands for what
     * the first sectors hold.
     */
    static final class PartitionScheme implements DriverBehavior {
        private final String content;

        PartitionScheme(String content) {
            this.content = content;
        }

        @Override
        public Integer probe(DriverContext ctx, int score) {
            return ctx.provider().property("Content") instanceof OSString s && s.value().equals(content) ? score : null;
        }

        @Override
        public boolean start(DriverContext ctx) {
            ctx.self().setProperty("Content Table", OSString.of(content));
            return true;
        }
    }
}
