package dev.ioscope.engine.service.family;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.FamilyMatcher;
import dev.ioscope.engine.service.KeyVerdict;
import dev.ioscope.engine.service.MatchContext;
import dev.ioscope.engine.service.TablePlans;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * HID family matching (IOHIDFamily: IOHIDDevice::matchPropertyTable → MatchPropertyTable in
 * IOHIDFamilyPrivate.cpp; IOHIDInterface::matchPropertyTable hands the table to its provider, the
 * IOHIDDevice, so an interface is judged by its device's properties).
 *
 * <p>Each present key must equal the device's property: PrimaryUsagePage, PrimaryUsage, Transport, LocationID,
 * VendorID, ProductID (or ProductIDArray / ProductIDMask), VersionNumber, Manufacturer, SerialNumber,
 * PhysicalDeviceUniqueID, BootProtocol; DeviceUsagePairs (any pair) / DeviceUsagePage+DeviceUsage are looked up
 * in the device's DeviceUsagePairs; HIDDefaultBehavior and HIDCompatibilityInterface only need the device to
 * have the key. The score rises as MatchPropertyTable adds it: transport (1000, LocationID 2000) when the
 * transport matched, vendor 5000 + product (1000/975/950/925) + 100 per version/manufacturer/serial when the
 * vendor matched, usage 100 per usage (50 for a page alone) + 1100 base, else primary usage page 1100 +
 * primary usage 100. On failure the score is set to 0.
 */
public final class HidMatcher implements FamilyMatcher {
    static final int TRANSPORT1 = 1000;
    static final int TRANSPORT2 = 2000;
    static final int USAGE_BASE = 1100;
    static final int USAGE_INCREMENT = 100;
    static final int VENDOR1 = 5000;
    static final int VENDOR2 = 1000;
    static final int VENDOR2_ARRAY = 975;
    static final int VENDOR2_MASK = 950;
    static final int VENDOR2_ARRAY_MASK = 925;
    static final int VENDOR3 = 100;

    /** Per personality table (immutable, compared by identity): the HID keys it holds (absent keys pass). */

    /** Every key MatchPropertyTable looks at. */
    private static final Set<String> HID_KEYS = Set.of("PrimaryUsagePage", "PrimaryUsage",
            "DeviceUsagePairs", "DeviceUsagePage", "DeviceUsage", "Transport", "LocationID", "VendorID", "ProductID",
            "ProductIDArray", "ProductIDMask", "VersionNumber", "Manufacturer", "SerialNumber",
            "PhysicalDeviceUniqueID", "BootProtocol", "HIDDefaultBehavior", "HIDCompatibilityInterface");

    @Override
    public String family() {
        return "IOHIDFamily";
    }

    @Override
    public boolean appliesTo(IORegistryEntry nub, MatchContext ctx) {
        return ctx.conformsTo(nub, "IOHIDInterface") || ctx.conformsTo(nub, "IOHIDDevice");
    }

    @Override
    public Result matchPropertyTable(IORegistryEntry nub, OSDictionary table, int score, MatchContext ctx,
                                     List<KeyVerdict> out) {
        IORegistryEntry owner = nub;
        if (ctx.conformsTo(nub, "IOHIDInterface") && !ctx.conformsTo(nub, "IOHIDDevice")) {
            owner = ctx.provider(nub);
            if (owner == null) {
                if (out != null) out.add(KeyVerdict.noMatch("IOHIDInterface", "has no provider to ask"));
                return new Result(false, score);
            }
            if (out != null) out.add(KeyVerdict.note("IOHIDInterface", "asks its provider " + owner.name() + " <"
                    + owner.className() + ">"));
        }
        int[] s = new int[9];  // pUP, pU, use, trans1, trans2, ven1, ven2, ven3, boot
        // One pass over the personality's keys; an absent key always passes, so only present ones are compared.
        // kept in the table's own plan slot: one field read per pair instead of a hash lookup
        TablePlans tp = TablePlans.of(table);
        @SuppressWarnings("unchecked")
        Set<String> has = (Set<String>) tp.hid;
        if (has == null) {
            OSDictionary t = table;
            Set<String> k = new HashSet<>();
            for (int i = 0, n = t.size(); i < n; i++) {
                if (HID_KEYS.contains(t.keyAt(i))) {
                    k.add(t.keyAt(i));
                }
            }
            has = Set.copyOf(k);
            tp.hid = has;
        }
        boolean pUP = !has.contains("PrimaryUsagePage")
                || compare(owner, table, "PrimaryUsagePage", s, 0, USAGE_BASE, out);
        boolean pU = !has.contains("PrimaryUsage") || compare(owner, table, "PrimaryUsage", s, 1, USAGE_INCREMENT, out);
        boolean use = !has.contains("DeviceUsagePairs") || deviceUsagePairs(owner, table, s, out);
        boolean use2 = deviceUsage(owner, table, table, s, out, "DeviceUsagePage/DeviceUsage", true);
        boolean t1 = !has.contains("Transport") || compare(owner, table, "Transport", s, 3, TRANSPORT1, out);
        boolean t2 = !has.contains("LocationID") || compare(owner, table, "LocationID", s, 4, TRANSPORT2, out);
        boolean ven = !has.contains("VendorID") || compare(owner, table, "VendorID", s, 5, VENDOR1, out);
        boolean prod = !(has.contains("ProductID") || has.contains("ProductIDArray"))
                || productID(owner, table, s, out);
        boolean vers = !has.contains("VersionNumber") || compare(owner, table, "VersionNumber", s, 7, VENDOR3, out);
        boolean man = !has.contains("Manufacturer") || compare(owner, table, "Manufacturer", s, 7, VENDOR3, out);
        boolean ser = !has.contains("SerialNumber") || compare(owner, table, "SerialNumber", s, 7, VENDOR3, out);
        boolean uid = !has.contains("PhysicalDeviceUniqueID")
                || compare(owner, table, "PhysicalDeviceUniqueID", s, 7, VENDOR3, out);
        boolean boot = !has.contains("BootProtocol") || compare(owner, table, "BootProtocol", s, 8, 0, out);
        boolean dflt = !has.contains("HIDDefaultBehavior") || presence(owner, table, "HIDDefaultBehavior", out);
        boolean compat = !has.contains("HIDCompatibilityInterface")
                || presence(owner, table, "HIDCompatibilityInterface", out);
        if (!(pUP && pU && use && use2 && t1 && t2 && ven && prod && vers && man && ser && boot && uid && dflt
                && compat)) {
            return new Result(false, 0);
        }
        int sc = score;
        if (s[3] > 0) {
            sc += s[3] + s[4];
        }
        if (s[5] > 0) {
            sc += s[5] + s[6] + s[7];
        }
        if (s[2] > 0) {
            sc += s[2] + USAGE_BASE;
        } else if (s[0] > 0) {
            sc += s[0] + s[1];
        }
        if (sc != score) {
            if (out != null) out.add(KeyVerdict.note("HID score", "IOHIDFamily raises the probe score from " + score
                    + " to " + sc));
        }
        return new Result(true, sc);
    }

    /** CompareProperty: absent key matches; present key needs an equal property, then adds the increment. */
    private static boolean compare(IORegistryEntry owner, OSDictionary table, String key, int[] s, int slot,
                                   int inc, List<KeyVerdict> out) {
        OSObject want = table.get(key);
        if (want == null) {
            return true;
        }
        OSObject have = owner.property(key);
        boolean ok = have != null && want.isEqualTo(have);
        if (ok) {
            s[slot] += inc;
        }
        if (out != null) out.add(KeyVerdict.of(ok, key + " " + want, "the HID device's is "
                + (have == null ? "absent" : have)));
        return ok;
    }

    private static boolean presence(IORegistryEntry owner, OSDictionary table, String key, List<KeyVerdict> out) {
        if (table.get(key) == null) {
            return true;
        }
        boolean ok = owner.property(key) != null;
        if (out != null) out.add(KeyVerdict.of(ok, key, ok ? "the HID device has it"
                : "the HID device does not have it"));
        return ok;
    }

    /** CompareDeviceUsagePairs: the first pair of the personality that CompareDeviceUsage accepts wins. */
    private static boolean deviceUsagePairs(IORegistryEntry owner, OSDictionary table, int[] s,
                                            List<KeyVerdict> out) {
        if (!(table.get("DeviceUsagePairs") instanceof OSArray pairs)) {
            return true;
        }
        boolean matches = true;
        List<KeyVerdict> tried = null;
        for (OSObject o : pairs.items()) {
            if (!(o instanceof OSDictionary pair)) {
                continue;
            }
            matches = deviceUsage(owner, pair, table, s, tried, "DeviceUsagePairs", false);
            if (matches) {
                break;
            }
        }
        if (out != null) {
            String have = owner.property("DeviceUsagePairs") == null ? "absent"
                    : usagePairs(owner.property("DeviceUsagePairs"));
            out.add(KeyVerdict.of(matches, "DeviceUsagePairs " + usagePairs(pairs), "the HID device's are " + have));
        }
        return matches;
    }

    /**
     * CompareDeviceUsage: with a DeviceUsagePage (and maybe DeviceUsage) in {@code matching}, look for a pair of
     * the device with that page (and usage). The device must have DeviceUsagePairs at all, even when the
     * matching dictionary has neither key (as the IOHIDFamily source does).
     */
    private static boolean deviceUsage(IORegistryEntry owner, OSDictionary matching, OSDictionary table, int[] s,
                                       List<KeyVerdict> out, String label, boolean report) {
        OSNumber usage = matching.get("DeviceUsage") instanceof OSNumber n ? n : null;
        OSNumber page = matching.get("DeviceUsagePage") instanceof OSNumber n ? n : null;
        if (!(owner.property("DeviceUsagePairs") instanceof OSArray functions)) {
            if (report || usage != null || page != null) {
                if (out != null) out.add(KeyVerdict.noMatch(label, "the HID device publishes no DeviceUsagePairs"));
            }
            return false;
        }
        boolean matches = true;
        if (page != null || usage != null) {
            for (OSObject f : functions.items()) {
                if (!(f instanceof OSDictionary pair)) {
                    continue;
                }
                OSNumber pu = pair.get("DeviceUsage") instanceof OSNumber n ? n : null;
                OSNumber pp = pair.get("DeviceUsagePage") instanceof OSNumber n ? n : null;
                if (page == null || pp == null || !(matches = page.isEqualTo(pp))) {
                    continue;
                }
                if (usage == null) {
                    s[2] += USAGE_INCREMENT / 2;
                    break;
                }
                if (pu == null || !(matches = usage.isEqualTo(pu))) {
                    continue;
                }
                s[2] += USAGE_INCREMENT;
                break;
            }
            if (report) {
                if (out != null) out.add(KeyVerdict.of(matches, "DeviceUsagePage " + page + " DeviceUsage " + usage,
                        "the HID device's pairs are " + usagePairs(functions)));
            }
        }
        return matches;
    }

    private boolean productID(IORegistryEntry owner, OSDictionary table, int[] s, List<KeyVerdict> out) {
        OSObject have = owner.property("ProductID");
        OSObject want = table.get("ProductID");
        OSObject array = table.get("ProductIDArray");
        OSObject mask = table.get("ProductIDMask");
        if (want == null && array == null) {
            return true;
        }
        boolean pid = want == null || (have != null && want.isEqualTo(have));
        boolean arr = !(array instanceof OSArray a) || (have instanceof OSNumber
                && a.items().stream().anyMatch(o -> o instanceof OSNumber && o.isEqualTo(have)));
        boolean msk = !(want instanceof OSNumber w && mask instanceof OSNumber m) || (have instanceof OSNumber h
                && ((h.value() & m.value() & 0xffffffffL) == (w.value() & m.value() & 0xffffffffL)));
        boolean arrMsk = !(array instanceof OSArray a2 && mask instanceof OSNumber m2) || (have instanceof OSNumber h2
                && a2.items().stream().anyMatch(o -> o instanceof OSNumber n
                && (n.value() & m2.value()) == (h2.value() & m2.value())));
        int add;
        boolean ok;
        if (want != null && pid) {
            add = VENDOR2;
            ok = true;
        } else if (array instanceof OSArray && arr) {
            add = VENDOR2_ARRAY;
            ok = true;
        } else if (mask != null && want != null && msk) {
            add = VENDOR2_MASK;
            ok = true;
        } else if (mask != null && array != null && arrMsk) {
            add = VENDOR2_ARRAY_MASK;
            ok = true;
        } else {
            add = 0;
            ok = false;
        }
        s[6] += add;
        if (out != null) out.add(KeyVerdict.of(ok, "ProductID" + (array != null ? "Array" : "")
                + (mask != null ? "/Mask" : ""),
                "the HID device's ProductID is " + (have == null ? "absent" : have)));
        return ok;
    }

    private static String usagePairs(OSObject o) {
        if (!(o instanceof OSArray a)) {
            return String.valueOf(o);
        }
        StringBuilder sb = new StringBuilder("[");
        for (OSObject p : a.items()) {
            if (p instanceof OSDictionary d) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(String.format("%s:%s", hexOf(d.get("DeviceUsagePage")), hexOf(d.get("DeviceUsage"))));
            }
        }
        return sb.append(']').toString();
    }

    private static String hexOf(OSObject o) {
        return o instanceof OSNumber n ? "0x" + Long.toHexString(n.value()) : "?";
    }
}
