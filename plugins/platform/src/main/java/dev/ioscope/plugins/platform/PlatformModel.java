package dev.ioscope.plugins.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.spi.DeviceModel;
import dev.ioscope.engine.spi.DeviceNode;
import dev.ioscope.engine.spi.DeviceSpec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static dev.ioscope.engine.spi.Props.cells;
import static dev.ioscope.engine.spi.Props.num;
import static dev.ioscope.engine.spi.Props.str;
import static dev.ioscope.engine.spi.Props.strings;

/**
 * Device type {@code "platform"}: the IOPlatformExpertDevice. Settings: {@code model}, {@code board-id},
 * {@code serial}, {@code cpus} (logical CPU count), {@code memory-gb}, {@code acpi} (a list of
 * {@code {"name","hid","location"}} ACPI devices), and {@code children} (PCI host bridges...), which the
 * platform expert driver publishes after the CPUs and ACPI devices.
 */
public final class PlatformModel implements DeviceModel {
    /** The most CPUs a machine description may ask for: XNU's MAX_CPUS on Intel and Apple silicon. */
    static final int MAX_CPUS = 64;

    public static final String TYPE = "platform";
    /** The plane AppleACPIPlatform publishes the ACPI namespace in. */
    public static final String ACPI = "IOACPIPlane";
    /** Services that match IOResources (IOResourceMatch IOKit) on every Mac. */
    static final List<String> RESOURCE_SERVICES = List.of("IODisplayWrangler", "AppleKeyStore", "AppleFDEKeyStore",
            "IONetworkStack", "AppleCredentialManager", "AppleMobileFileIntegrity", "AppleSystemPolicy",
            "IOTimeSyncClockManager", "AppleSMBIOS", "IOHIDSystem");

    @Override
    public DeviceNode build(DeviceSpec spec, ModelBuilder build) {
        String model = spec.text("model", "MacBookPro15,1");
        String serial = spec.text("serial", "C02VIRTUAL01");
        // The UUID is derived from the serial so that two boots of one machine are byte-identical.
        String uuid = spec.text("uuid", UUID.nameUUIDFromBytes(serial.getBytes(StandardCharsets.UTF_8))
                .toString().toUpperCase());
        long memory = spec.number("memory-gb", 16);
        OSDictionary props = OSDictionary.builder()
                .put("IOPlatformSerialNumber", str(serial))
                .put("IOPlatformUUID", str(uuid))
                .put("model", strings(model))
                .put("board-id", strings(spec.text("board-id", "Mac-937A206F2EE63C01")))
                .put("manufacturer", strings("Apple Inc."))
                .put("product-name", strings(model))
                .put("serial-number", serialNumberData(serial))
                .put("compatible", strings(model))
                .put("version", strings("1.0"))
                .put("system-type", OSData.of(new byte[]{2}))
                .put("name", strings("/"))
                .put("IOBusyInterest", str("IOCommand is not serializable"))
                .put("IOPlatformMaxMemory", num(memory << 30))
                .build();
        DeviceNode root = new DeviceNode("IOPlatformExpertDevice", model, null, props).alsoIn("IODeviceTree")
                .alsoIn(ACPI).nameIn(ACPI, "acpi");
        skeleton(root, spec, model, memory);
        // IOACPIPlane as AppleACPIPlatform builds it: the expert is "acpi", the namespace's \_SB scope a plane-only
        // entry under it, the ACPI devices under _SB and the processors directly under acpi (MacBookPro15-1 dump)
        root.planeEntry(ACPI, new DeviceNode("IOACPIPlatformDevice", "_SB", null, OSDictionary.of("name",
                strings("_SB"))));
        int cpus = (int) spec.number("cpus", 8, 1, MAX_CPUS, "XNU is built for at most 64 CPUs (MAX_CPUS)");
        for (int i = 0; i < cpus; i++) {
            root.add(new DeviceNode("IOACPIPlatformDevice", "CPU" + i, Integer.toHexString(i), OSDictionary.builder()
                    .put("name", strings("processor"))
                    .put("compatible", strings("ACPI0007"))
                    .put("processor-index", num(i))
                    .put("processor-id", num(i))
                    .put("processor-lapic", num(i * 2L))
                    .build()).alsoIn(ACPI));
        }
        JsonNode acpi = spec.settings() == null ? null : spec.settings().get("acpi");
        if (acpi != null) {
            for (JsonNode a : acpi) {
                String name = a.path("name").asText("DEV");
                String hid = a.path("hid").asText("PNP0000");
                root.add(new DeviceNode("IOACPIPlatformDevice", name, a.path("location").asText("0"),
                        OSDictionary.builder()
                                .put("name", strings(hid))
                                .put("compatible", strings(hid))
                                .put("acpi-path", str("IOACPIPlane:/_SB/" + name + "@" + a.path("location")
                                        .asText("0")))
                                .put("IOName", str(hid))
                                .build()).alsoIn(ACPI, "_SB"));
            }
        }
        for (DeviceSpec child : spec.children()) {
            root.add(build.build(child));
        }
        return root;
    }

    /** The IODeviceTree skeleton every Intel Mac's EFI hands over. */
    private static void skeleton(DeviceNode root, DeviceSpec spec, String model, long memoryGb) {
        DeviceNode chosen = root.planeEntry("IODeviceTree", new DeviceNode("IOService", "chosen", null,
                OSDictionary.builder().put("name", strings("chosen"))
                        .put("boot-file-path", strings("\\System\\Library\\CoreServices\\boot.efi"))
                        .put("booter-name", strings("boot.efi")).build()));
        chosen.add(new DeviceNode("IOService", "memory-map", null, OSDictionary.of("name", strings("memory-map"))));
        root.planeEntry("IODeviceTree", new DeviceNode("IODTNVRAM", "options", null,
                OSDictionary.builder().put("name", strings("options"))
                        .put("IOProviderPowerManagement", OSBoolean.of(false)).build()));
        DeviceNode cpus = root.planeEntry("IODeviceTree", new DeviceNode("IOService", "cpus", null,
                OSDictionary.of("name", strings("cpus"), "#address-cells", cells(1), "#size-cells", cells(0))));
        int n = (int) spec.number("cpus", 8, 1, MAX_CPUS, "XNU is built for at most 64 CPUs (MAX_CPUS)");
        for (int i = 0; i < n; i++) {
            cpus.add(new DeviceNode("IOService", "cpu", Integer.toHexString(i),
                    OSDictionary.of("name", strings("cpu"), "reg", cells(i), "device_type", strings("cpu"))));
        }
        DeviceNode efi = root.planeEntry("IODeviceTree", new DeviceNode("IOService", "efi", null,
                OSDictionary.of("name", strings("efi"), "firmware-vendor", strings("Apple"),
                        "firmware-abi", strings("EFI64"))));
        DeviceNode platform = efi.add(new DeviceNode("IOService", "platform", null,
                OSDictionary.of("name", strings("platform"), "Model", strings(model))));
        platform.add(new DeviceNode("IOService", "kernel-compatibility", null,
                OSDictionary.of("name", strings("kernel-compatibility"))));
        root.planeEntry("IODeviceTree", new DeviceNode("IOService", "memory", null,
                OSDictionary.of("name", strings("memory"), "device_type", strings("memory"),
                        "reg", cells(0, 0, 0, memoryGb << 2))));
    }

    /** "serial-number" is 0x20 bytes: the serial padded with NULs (as EFI publishes it). */
    private static OSData serialNumberData(String serial) {
        byte[] b = new byte[0x20];
        byte[] s = serial.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(s, 0, b, 0, Math.min(s.length, 0x20));
        return OSData.of(b);
    }
}
