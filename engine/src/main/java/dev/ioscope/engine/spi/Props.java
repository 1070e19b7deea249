package dev.ioscope.engine.spi;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Property values in the shapes I/O Kit nubs publish them, for device models. */
public final class Props {
    private Props() {
    }

    /**
     * Device-tree style strings: each NUL-terminated, back to back in one OSData ({@code "compatible" =
     * <"pci8086,a36d","pciclass,0c0330">}), as IODeviceTreeSupport and IOPCIFamily write them.
     */
    public static OSData strings(String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String v : values) {
            out.writeBytes(v.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return OSData.of(out.toByteArray());
    }

    /** A 32-bit little-endian cell in an OSData, as IOPCIDevice's "vendor-id" = <86800000>. */
    public static OSData le32(long v) {
        return OSData.of(new byte[]{(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
    }

    /** Several 32-bit little-endian cells back to back ("reg", "assigned-addresses"). */
    public static OSData cells(long... v) {
        byte[] b = new byte[v.length * 4];
        for (int i = 0; i < v.length; i++) {
            for (int k = 0; k < 4; k++) {
                b[i * 4 + k] = (byte) (v[i] >> (8 * k));
            }
        }
        return OSData.of(b);
    }

    /**
     * The usual three-state power table of a device driver (off; low power; on and usable), in the shape
     * {@code FamilyContext.table("power", ...)} takes: IOPMPowerState's capabilityFlags, outputPowerCharacter
     * and inputPowerRequirement (kIOPMPowerOn 0x2, kIOPMDeviceUsable 0x8000, kIOPMLowPower 0x10000).
     */
    public static OSArray threeStatePowerTable() {
        return OSArray.of(
                powerState(0, 0, 0),
                powerState(0x10000, 0x10000, 0x2),
                powerState(0x8002, 0x2, 0x2));
    }

    /** One power state dictionary of a "power" table. */
    public static OSDictionary powerState(int capabilityFlags, int outputPowerCharacter,
                                                                int inputPowerRequirement) {
        return OSDictionary.of("capabilityFlags", num(capabilityFlags),
                "outputPowerCharacter", num(outputPowerCharacter), "inputPowerRequirement", num(inputPowerRequirement));
    }

    public static OSString str(String s) {
        return OSString.of(s);
    }

    public static OSNumber num(long v) {
        return OSNumber.of(v, v == (int) v || (v >= 0 && v <= 0xffffffffL) ? 32 : 64);
    }

    public static OSNumber num64(long v) {
        return OSNumber.of64(v);
    }
}
