package dev.ioscope.engine.service.family;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.FamilyMatcher;
import dev.ioscope.engine.service.KeyVerdict;
import dev.ioscope.engine.service.MatchContext;
import dev.ioscope.engine.service.TablePlans;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * USB device and interface matching (IOUSBHostDevice / IOUSBHostInterface::matchPropertyTable, and before them
 * IOUSBDevice / IOUSBInterface in IOUSBFamily), following the USB Common Class Specification tuples Apple
 * documents. A personality must name one complete tuple, most specific first:
 * <pre>
 * device:    idVendor+idProduct+bcdDevice | idVendor+idProduct | idVendor+bDeviceSubClass+bDeviceProtocol
 *            | idVendor+bDeviceSubClass | bDeviceClass+bDeviceSubClass+bDeviceProtocol | bDeviceClass+bDeviceSubClass
 *            | bDeviceClass
 * interface: idVendor+idProduct+bcdDevice+bConfigurationValue+bInterfaceNumber
 *            | idVendor+idProduct+bConfigurationValue+bInterfaceNumber
 *            | idVendor+bInterfaceSubClass+bInterfaceProtocol | idVendor+bInterfaceSubClass
 *            | bInterfaceClass+bInterfaceSubClass+bInterfaceProtocol | bInterfaceClass+bInterfaceSubClass
 *            | bInterfaceClass
 * </pre>
 * Every USB key the personality holds must equal the nub's property; {@code "*"} is a wildcard; bcdDevice may
 * be given as a range with bcdDeviceLow/bcdDeviceHigh; idProductArray lists alternatives; idProductMask masks
 * idProduct. The probe score rises by 1000 for each USB key that matched, so a more specific personality
 * outranks a generic one (the "score by number of keys matched" rule; IOUSBHostFamily's own weights are not
 * public — see docs/iokit-rules.md).
 */
public final class UsbMatcher implements FamilyMatcher {
    public static final int SCORE_PER_KEY = 1000;

    private static final List<List<String>> DEVICE_TUPLES = List.of(
            List.of("idVendor", "idProduct", "bcdDevice"),
            List.of("idVendor", "idProduct"),
            List.of("idVendor", "bDeviceSubClass", "bDeviceProtocol"),
            List.of("idVendor", "bDeviceSubClass"),
            List.of("bDeviceClass", "bDeviceSubClass", "bDeviceProtocol"),
            List.of("bDeviceClass", "bDeviceSubClass"),
            List.of("bDeviceClass"));
    private static final List<List<String>> INTERFACE_TUPLES = List.of(
            List.of("idVendor", "idProduct", "bcdDevice", "bConfigurationValue", "bInterfaceNumber"),
            List.of("idVendor", "idProduct", "bConfigurationValue", "bInterfaceNumber"),
            List.of("idVendor", "bInterfaceSubClass", "bInterfaceProtocol"),
            List.of("idVendor", "bInterfaceSubClass"),
            List.of("bInterfaceClass", "bInterfaceSubClass", "bInterfaceProtocol"),
            List.of("bInterfaceClass", "bInterfaceSubClass"),
            List.of("bInterfaceClass"));
    private static final List<String> ALL_KEYS = List.of("idVendor", "idProduct", "bcdDevice", "bDeviceClass",
            "bDeviceSubClass", "bDeviceProtocol", "bConfigurationValue", "bInterfaceNumber", "bInterfaceClass",
            "bInterfaceSubClass", "bInterfaceProtocol");

    private static final Set<String> USB_KEYS = Set.of("idVendor", "idProduct", "bcdDevice",
            "bDeviceClass", "bDeviceSubClass", "bDeviceProtocol", "bConfigurationValue", "bInterfaceNumber",
            "bInterfaceClass", "bInterfaceSubClass", "bInterfaceProtocol", "bcdDeviceLow", "bcdDeviceHigh",
            "idProductArray", "idProductMask");

    /** What a personality table asks of USB matching, worked out once per table (tables are immutable). */
    private record Plan(List<String> tuple, List<String> keys, boolean hasRange) {
    }


    private Plan plan(OSDictionary table, boolean iface) {
        // kept in the table's own plan slot: one field read per pair instead of a hash lookup
        TablePlans tp = TablePlans.of(table);
        Plan[] p = tp.usb instanceof Plan[] a ? a : null;
        if (p == null) {
            p = new Plan[2];
            tp.usb = p;
        }
        int i = iface ? 1 : 0;
        if (p[i] == null) {
            Set<String> present = new HashSet<>(8);
            for (int k = 0, n = table.size(); k < n; k++) {
                if (USB_KEYS.contains(table.keyAt(k))) {
                    present.add(table.keyAt(k));
                }
            }
            boolean hasRange = present.contains("bcdDeviceLow") || present.contains("bcdDeviceHigh");
            boolean hasArray = present.contains("idProductArray");
            List<String> tuple = null;
            for (List<String> t : iface ? INTERFACE_TUPLES : DEVICE_TUPLES) {
                boolean all = true;
                for (int j = 0; j < t.size() && all; j++) {
                    String k = t.get(j);
                    all = present.contains(k) || ("bcdDevice".equals(k) && hasRange)
                            || ("idProduct".equals(k) && hasArray);
                }
                if (all) {
                    tuple = t;
                    break;
                }
            }
            List<String> keys = new ArrayList<>();
            for (String key : ALL_KEYS) {
                if (present.contains(key) || ("bcdDevice".equals(key) && hasRange)
                        || ("idProduct".equals(key) && hasArray)) {
                    keys.add(key);
                }
            }
            p[i] = new Plan(tuple, List.copyOf(keys), hasRange);
        }
        return p[i];
    }

    @Override
    public String family() {
        return "IOUSBHostFamily";
    }

    @Override
    public boolean appliesTo(IORegistryEntry nub, MatchContext ctx) {
        return isInterface(nub, ctx) || ctx.conformsTo(nub, "IOUSBHostDevice") || ctx.conformsTo(nub, "IOUSBDevice");
    }

    private static boolean isInterface(IORegistryEntry nub, MatchContext ctx) {
        return ctx.conformsTo(nub, "IOUSBHostInterface") || ctx.conformsTo(nub, "IOUSBInterface");
    }

    @Override
    public Result matchPropertyTable(IORegistryEntry nub, OSDictionary table, int score, MatchContext ctx,
                                     List<KeyVerdict> out) {
        boolean iface = isInterface(nub, ctx);
        Plan plan = plan(table, iface);
        boolean hasRange = plan.hasRange;
        List<String> tuple = plan.tuple;
        if (tuple == null) {
            if (out != null) out.add(KeyVerdict.noMatch(iface ? "USB interface keys" : "USB device keys",
                    "the personality names no complete USB Common Class tuple (e.g. "
                            + String.join("+", (iface ? INTERFACE_TUPLES : DEVICE_TUPLES).get(1)) + ")"));
            return new Result(false, score);
        }
        boolean match = true;
        int matched = 0;
        for (String key : plan.keys) {
            boolean ok = compare(nub, table, key, out);
            match &= ok;
            if (ok) {
                matched++;
            }
        }
        if (out != null) {
            out.add(KeyVerdict.note("USB score", "tuple " + String.join("+", tuple) + "; " + matched
                    + " USB key(s) matched, +" + matched * SCORE_PER_KEY));
        }
        return new Result(match, match ? score + matched * SCORE_PER_KEY : score);
    }

    private static boolean compare(IORegistryEntry nub, OSDictionary table, String key, List<KeyVerdict> out) {
        OSObject have = nub.property(key);
        // the words only when explaining: toString of every nub's property for every pair is measurable
        String haveText = out == null ? null : have == null ? "absent" : have.toString();
        if ("bcdDevice".equals(key) && !table.containsKey(key)) {
            long lo = num(table.get("bcdDeviceLow"), 0);
            long hi = num(table.get("bcdDeviceHigh"), 0xffff);
            boolean ok = have instanceof OSNumber n && n.value() >= lo && n.value() <= hi;
            if (out != null) out.add(KeyVerdict.of(ok, "bcdDevice " + String.format("0x%04x-0x%04x", lo, hi),
                    "the device's is "
                    + haveText));
            return ok;
        }
        if ("idProduct".equals(key) && !table.containsKey(key)) {
            boolean ok = false;
            if (table.get("idProductArray") instanceof OSArray a && have != null) {
                for (OSObject o : a.items()) {
                    ok |= o.isEqualTo(have);
                }
            }
            if (out != null) out.add(KeyVerdict.of(ok, "idProductArray", "the device's idProduct is " + haveText));
            return ok;
        }
        OSObject want = table.get(key);
        boolean ok;
        if (want instanceof OSString s && "*".equals(s.value())) {
            ok = have != null;
        } else if ("idProduct".equals(key) && table.get("idProductMask") instanceof OSNumber mask
                && want instanceof OSNumber w && have instanceof OSNumber h) {
            ok = (w.value() & mask.value()) == (h.value() & mask.value());
        } else {
            ok = have != null && want.isEqualTo(have);
        }
        if (out != null) out.add(KeyVerdict.of(ok, key + " " + want, "the nub's is " + haveText));
        return ok;
    }

    private static long num(OSObject o, long dflt) {
        return o instanceof OSNumber n ? n.value() : dflt;
    }
}
