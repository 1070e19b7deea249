package dev.ioscope.engine.service;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSSymbol;
import dev.ioscope.engine.registry.IORegistryEntry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * IONameMatch: IOService::compareNames walks a string or a collection of strings and asks the nub's
 * compareName for each until one matches; the one that matched is left in the table as IONameMatched.
 *
 * <p>IORegistryEntry::compareName compares with the entry's name. Device-tree, ACPI and PCI nubs (IOPlatformDevice
 * and IOPCIDevice subclasses) ask their platform expert or bridge, which uses IODTCompareNubName
 * (IODeviceTreeSupport.cpp): the {@code name}, {@code compatible}, {@code device_type} and {@code model}
 * properties, each a list of NUL-separated strings, any of which may equal the name; a name ending in '*'
 * matches any string starting with what precedes it (CompareKey).
 */
public final class NameMatching {
    /** The properties IODTCompareNubName consults, in its order. */
    static final List<String> DT_KEYS = List.of("name", "compatible", "device_type", "model");

    private NameMatching() {
    }

    /** The outcome: which candidate name matched, against what. */
    public record Result(String matched, String where) {
    }

    /** The names IONameMatch holds (a string, or the strings of an array or set), in order. */
    public static List<String> names(OSObject o) {
        List<String> out = new ArrayList<>();
        if (o instanceof OSString s) {
            out.add(s.value());
        } else if (o instanceof OSSymbol s) {
            out.add(s.value());
        } else if (o instanceof OSArray a) {
            for (OSObject x : a.items()) {
                if (!(x instanceof OSString) && !(x instanceof OSSymbol)) {
                    break;  // compareNames stops at the first non-string (OSDynamicCast fails)
                }
                out.addAll(names(x));
            }
        } else if (o instanceof OSSet set) {
            for (OSObject x : set.members()) {
                if (!(x instanceof OSString) && !(x instanceof OSSymbol)) {
                    break;
                }
                out.addAll(names(x));
            }
        }
        return out;
    }

    /** compareNames; null when nothing matched. */
    public static Result compareNames(IORegistryEntry nub, OSObject names, boolean deviceTreeRules) {
        return compareNames(nub, names, deviceTreeRules ? dtLists(nub) : null);
    }

    /** The string lists of the properties IODTCompareNubName reads, in its order (computed once per nub). */
    public static List<List<String>> dtLists(IORegistryEntry nub) {
        List<List<String>> out = new ArrayList<>(DT_KEYS.size());
        for (String k : DT_KEYS) {
            out.add(strings(nub.property(k)));
        }
        return out;
    }

    /** compareNames with the nub's device-tree string lists already read (null: plain name rules). */
    public static Result compareNames(IORegistryEntry nub, OSObject names, List<List<String>> dt) {
        if (names instanceof OSString s) {
            return compareName(nub, s.value(), dt);
        }
        for (String n : names(names)) {
            Result r = compareName(nub, n, dt);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    static Result compareName(IORegistryEntry nub, String name, List<List<String>> dt) {
        if (dt != null) {
            for (int i = 0; i < DT_KEYS.size(); i++) {
                String hit = compareKey(name, dt.get(i));
                if (hit != null) {
                    return new Result(hit, "its " + DT_KEYS.get(i) + " property");
                }
            }
        }
        if (nub.name().equals(name)) {
            return new Result(name, "its name");
        }
        return null;
    }

    static String compareKey(String key, List<String> list) {
        boolean wild = !key.isEmpty() && key.charAt(key.length() - 1) == '*';
        String stem = wild ? key.substring(0, key.length() - 1) : key;
        for (String s : list) {
            if (wild ? s.startsWith(stem) : s.equals(key)) {
                return s;
            }
        }
        return null;
    }

    /** A property as the list of strings CompareKey walks: OSData split at NULs, or one OSString. */
    public static List<String> strings(OSObject prop) {
        List<String> out = new ArrayList<>();
        if (prop instanceof OSData d) {
            byte[] b = d.toByteArray();
            int start = 0;
            for (int i = 0; i <= b.length; i++) {
                if (i == b.length || b[i] == 0) {
                    if (i > start || i < b.length) {
                        out.add(new String(b, start, i - start, StandardCharsets.UTF_8));
                    }
                    start = i + 1;
                }
            }
        } else if (prop instanceof OSString s) {
            out.add(s.value());
        } else if (prop instanceof OSSymbol s) {
            out.add(s.value());
        }
        return out;
    }
}
