package dev.ioscope.plugins.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.spi.DeviceModel;
import dev.ioscope.engine.spi.DeviceNode;
import dev.ioscope.engine.spi.DeviceSpec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static dev.ioscope.engine.spi.Props.num;
import static dev.ioscope.engine.spi.Props.num64;
import static dev.ioscope.engine.spi.Props.str;

/**
 * Device type {@code nvme}: an NVMe controller on PCI (built through "pci-device", class 0x010802) and the
 * IOStorageFamily stack above it: IONVMeBlockStorageDevice → (IOBlockStorageDriver) → whole IOMedia →
 * (IOGUIDPartitionScheme) → partition IOMedia, each medium with its BSD name. BSD units are taken in
 * machine order ({@code disk0}, {@code disk1}...), partitions are {@code diskNsM} with M the partition ID, as
 * IOMediaBSDClient names them.
 */
public final class StorageModels {
    public static final String GPT = "GUID_partition_scheme";
    public static final String MBR = "FDisk_partition_scheme";
    /** BSD major of disk devices on macOS (bdevsw slot 1). */
    static final int BSD_MAJOR = 1;

    private StorageModels() {
    }

    public static final DeviceModel NVME = (spec, build) -> {
        ObjectNode s = spec.settings() instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
        if (!s.has("class")) {
            s.put("class", 0x010802);
        }
        if (!s.has("bars")) {
            s.putArray("bars").addObject().put("type", "mem64").put("size", 0x4000);
        }
        DeviceNode pci = build.build(new DeviceSpec("pci-device", spec.name() == null ? "ANS2" : spec.name(),
                spec.location() == null ? "0" : spec.location(), OSDictionary.empty(), s, List.of(), spec.place()));
        String model = spec.text("model", "APPLE SSD AP0512M");
        long blocks = spec.number("blocks", 122_070_312L);   // 4 KiB blocks: 500 GB
        long blockSize = spec.number("block-size", 4096);
        String serial = spec.text("serial", "C0VIRTUALNVME");
        DeviceNode disk = pci.add(new DeviceNode("IONVMeBlockStorageDevice", "IONVMeBlockStorageDevice", "1",
                OSDictionary.builder()
                        .put("Device Characteristics", OSDictionary.of("Vendor Name", str("Apple"),
                                "Product Name", str(model), "Serial Number", str(serial),
                                "Medium Type", str("Solid State"), "Product Revision Level", str("1.0")))
                        .put("Protocol Characteristics", OSDictionary.of("Physical Interconnect", str("PCI-Express"),
                                "Physical Interconnect Location", str("Internal")))
                        .put("NVMe Revision Supported", str("1.10"))
                        .put("Namespace ID", num(1))
                        .put("IOMaximumBlockCountRead", num(256))
                        .build()));
        disk.add(wholeMedia(spec, build, model + " Media", blocks * blockSize, blockSize));
        return pci;
    };

    /** The whole-disk IOMedia with its partitions as the children its partition scheme will publish. */
    static DeviceNode wholeMedia(DeviceSpec spec, DeviceModel.ModelBuilder build, String name, long size,
                                 long blockSize) {
        int unit = build.next("bsd.disk");
        String scheme = spec.text("scheme", GPT);
        DeviceNode whole = new DeviceNode("IOMedia", name, null, media(build, "disk" + unit, unit, size, blockSize,
                true, false, scheme, 0, 0, uuid("disk" + unit + spec.text("serial", ""))));
        JsonNode parts = spec.settings() == null ? null : spec.settings().get("partitions");
        if (parts == null) {
            return whole;
        }
        long base = 40 * blockSize;       // GPT header and entries (LBA 0-33), first usable aligned at 40
        int id = 0;
        for (JsonNode p : parts) {
            id++;
            long psize = p.path("size").asLong(0);
            if (psize <= 0 || psize % blockSize != 0) {
                throw new IllegalArgumentException(spec.place() + ".partitions[" + (id - 1) + "].size: a positive "
                        + "multiple of the block size");
            }
            if (base + psize > size) {
                throw new IllegalArgumentException(spec.place() + ".partitions[" + (id - 1)
                        + "]: ends beyond the disk");
            }
            String bsd = "disk" + unit + "s" + id;
            whole.add(new DeviceNode("IOMedia", p.path("name").asText("Untitled " + id), Integer.toString(id),
                    media(build, bsd, unit, psize, blockSize, false, true, p.path("content").asText(""), id, base,
                            uuid(bsd + spec.text("serial", "")))));
            base += psize;
        }
        return whole;
    }

    private static OSDictionary media(DeviceModel.ModelBuilder build, String bsd, int unit, long size, long block,
                                      boolean whole, boolean leaf, String content, int partitionId, long base,
                                      String uuid) {
        OSDictionary.Builder b = OSDictionary.builder()
                .put("Content", str(content))
                .put("Removable", OSBoolean.of(false))
                .put("Whole", OSBoolean.of(whole))
                .put("Ejectable", OSBoolean.of(false))
                .put("Preferred Block Size", num64(block))
                .put("IOMediaIcon", OSDictionary.of("CFBundleIdentifier", str("com.apple.iokit.IOStorageFamily"),
                        "IOBundleResourceFile", str("Internal.icns")))
                .put("Leaf", OSBoolean.of(leaf))
                .put("Size", num64(size))
                .put("BSD Name", str(bsd))
                .put("BSD Major", num(BSD_MAJOR))
                .put("BSD Minor", num(build.next("bsd.minor")))
                .put("BSD Unit", num(unit))
                .put("Writable", OSBoolean.of(true))
                .put("Open", OSBoolean.of(true))
                .put("Content Hint", str(content))
                .put("UUID", str(uuid));
        if (!whole) {
            b.put("Partition ID", num(partitionId)).put("Base", num64(base));
        }
        return b.build();
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().toUpperCase();
    }
}
