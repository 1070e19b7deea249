package dev.ioscope.engine.service;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSSymbol;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.RegistryPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The property keys of IOService::matchInternal, each with its explanation. */
final class PropertyMatching {
    private PropertyMatching() {
    }

    /**
     * IOPropertyMatch: a dictionary, or a collection (array or set) of dictionaries of which any one suffices.
     * A dictionary matches when every key it holds is a property of the nub that isEqualTo its value
     * (OSDictionary::isEqualTo(dict, keys)).
     */
    static boolean propertyMatch(IORegistryEntry nub, OSObject o, List<KeyVerdict> steps) {
        List<OSDictionary> dicts = new ArrayList<>();
        if (o instanceof OSDictionary d) {
            dicts.add(d);
        } else if (o instanceof OSArray a) {
            for (OSObject x : a.items()) {
                if (!(x instanceof OSDictionary d)) {
                    break;   // the iteration stops at the first member that is not a dictionary
                }
                dicts.add(d);
            }
        } else if (o instanceof OSSet s) {
            for (OSObject x : s.members()) {
                if (!(x instanceof OSDictionary d)) {
                    break;
                }
                dicts.add(d);
            }
        }
        List<String> misses = new ArrayList<>();
        for (OSDictionary d : dicts) {
            String miss = firstMismatch(nub, d);
            if (miss == null) {
                if (steps != null) steps.add(KeyVerdict.match("IOPropertyMatch " + d, dicts.size() > 1
                        ? "one of " + dicts.size() + " alternatives; every property is equal"
                        : "every property is equal"));
                return true;
            }
            misses.add(miss);
        }
        if (steps != null) steps.add(KeyVerdict.noMatch("IOPropertyMatch " + o, dicts.isEmpty() ? "holds no dictionary"
                : String.join("; ", misses)));
        return false;
    }

    private static String firstMismatch(IORegistryEntry nub, OSDictionary want) {
        for (int i = 0; i < want.size(); i++) {
            String k = want.keyAt(i);
            OSObject have = nub.property(k);
            if (have == null) {
                return "the entry has no \"" + k + "\"";
            }
            if (!have.isEqualTo(want.valueAt(i))) {
                return "\"" + k + "\" is " + have + ", not " + want.valueAt(i);
            }
        }
        return null;
    }

    /** IOPropertyExistsMatch: a key name, or a collection of names of which any one must be a property. */
    static boolean propertyExists(IORegistryEntry nub, OSObject o, List<KeyVerdict> steps) {
        List<String> keys = NameMatching.names(o);
        for (String k : keys) {
            if (nub.property(k) != null) {
                if (steps != null) steps.add(KeyVerdict.match("IOPropertyExistsMatch " + String.join(" ", keys),
                        "the entry has \""
                        + k + "\""));
                return true;
            }
        }
        if (steps != null) steps.add(KeyVerdict.noMatch("IOPropertyExistsMatch " + String.join(" ", keys),
                "the entry has none of these properties"));
        return false;
    }

    /** IOPathMatch: IORegistryEntry::fromPath of the string is this entry (or it equals the entry's IOPath). */
    static boolean pathMatches(MatchContext ctx, IORegistryEntry nub, String path) {
        Optional<IORegistryEntry> e = RegistryPath.fromPath(ctx.registry(), path, null);
        if (e.isPresent() && e.get() == nub) {
            return true;
        }
        OSObject p = nub.property("IOPath");
        return p instanceof OSString s && s.value().equals(path);
    }

    /**
     * IOResourceMatch on any nub but IOResources is no matching key: IOService::startCandidate calls
     * checkResources, and the new driver waits (busy) until IOResources publishes the resource.
     */
    static KeyVerdict resourceWait(MatchContext ctx, OSObject o) {
        String name = o instanceof OSString s ? s.value() : o instanceof OSSymbol s ? s.value() : String.valueOf(o);
        Optional<IORegistryEntry> res = ctx.resources();
        boolean published = res.isPresent() && res.get().property(name) != null;
        return KeyVerdict.note("IOResourceMatch " + name, "not a matching key on this nub; start waits until "
                + "IOResources publishes " + name + (res.isEmpty() ? " (this registry has no IOResources)"
                : published ? " (published)" : " (not published: start would wait)"));
    }
}
