package dev.ioscope.engine.service;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.registry.ClassCatalogue;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.kext.KextBundle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The personality catalogue (XNU iokit/Kernel/IOCatalogue.cpp). Personalities are kept per IOProviderClass, as
 * IOCatalogue's {@code personalities} dictionary is, so finding the candidates of a nub costs one lookup per
 * class in the nub's chain rather than a scan of every personality (IOCatalogue::findDrivers(IOService*)).
 */
public final class IOCatalogue {
    private final Map<String, List<Personality>> byProviderClass = new HashMap<>();
    private final List<Personality> all = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** findDrivers' result per class chain, already in probe-score order; dropped whenever a kext is added. */
    private final Map<String, List<Personality>> ranked = new HashMap<>();

    /** Adds every personality of a kext (IOCatalogue::addDrivers), in the kext's order. */
    public void addKext(KextBundle kext) {
        for (String w : kext.warnings()) {
            warnings.add(kext.infoPlist() + ": " + w);
        }
        OSDictionary p = kext.personalities();
        for (int i = 0; i < p.size(); i++) {
            String name = p.keyAt(i);
            OSObject v = p.valueAt(i);
            if (!(v instanceof OSDictionary table)) {
                warnings.add(kext.infoPlist() + ": personality \"" + name + "\" is " + v.typeName()
                        + ", not a dictionary; skipped");
                continue;
            }
            // The personality's own CFBundleIdentifier names the kext that holds its class (personalities
            // copied into another kext's plist point at their real owner, as IOHIDFamily's do).
            String bundle = Personality.string(table.get("CFBundleIdentifier"));
            add(new Personality(bundle == null ? kext.bundleId() : bundle, name, table, all.size()));
        }
    }

    /** Adds one personality (e.g. from a plugin). */
    public void add(Personality p) {
        Personality withOrder = p.order() == all.size() ? p
                : new Personality(p.bundle(), p.name(), p.table(), all.size());
        all.add(withOrder);
        ranked.clear();
        String provider = withOrder.providerClass();
        if (provider == null) {
            warnings.add("personality \"" + p.name() + "\" of " + p.bundle() + " has no IOProviderClass; it can "
                    + "never match");
            return;
        }
        byProviderClass.computeIfAbsent(provider, k -> new ArrayList<>()).add(withOrder);
    }

    /** IOCatalogue::removeDrivers for a kext: drops its personalities; returns them. */
    public List<Personality> removeBundle(String bundleId) {
        List<Personality> gone = new ArrayList<>();
        for (Personality p : all) {
            if (p.bundle().equals(bundleId)) {
                gone.add(p);
            }
        }
        all.removeAll(gone);
        for (List<Personality> l : byProviderClass.values()) {
            l.removeAll(gone);
        }
        ranked.clear();
        return gone;
    }

    public List<Personality> personalities() {
        return Collections.unmodifiableList(all);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public int size() {
        return all.size();
    }

    /**
     * The personalities whose IOProviderClass the entry conforms to, as IOCatalogue::findDrivers(IOService*)
     * collects them: walking the nub's class chain from the leaf up to IOService, and for each class its
     * personalities in load order. (The caller orders them by probe score; equal scores keep this order.)
     */
    public List<Personality> candidatesFor(IORegistryEntry nub, ClassCatalogue classes) {
        List<String> chain = nub.inheritance().isEmpty() ? classes.chain(nub.className()) : chainOf(nub, classes);
        List<Personality> out = new ArrayList<>();
        for (String c : chain) {
            if ("IORegistryEntry".equals(c) || "OSObject".equals(c)) {
                break;  // findDrivers stops at IOService's metaclass
            }
            List<Personality> l = byProviderClass.get(c);
            if (l != null) {
                out.addAll(l);
            }
        }
        return out;
    }

    /**
     * The candidates of {@link #candidatesFor} in the order probeCandidates considers them: highest IOProbeScore
     * first, equal scores in findDrivers order (OSOrderedSet with IOServiceOrdering). Cached per class chain.
     */
    public List<Personality> rankedCandidatesFor(IORegistryEntry nub, ClassCatalogue classes) {
        // Keyed by the leaf class: within one registry a class has one chain (snapshots record the same
        // inheritance for every instance of a class).
        List<Personality> r = ranked.get(nub.className());
        if (r == null) {
            List<Personality> l = new ArrayList<>(candidatesFor(nub, classes));
            l.sort((a, b) -> Integer.compare(b.probeScore(), a.probeScore()));   // stable
            r = List.copyOf(l);
            ranked.put(nub.className(), r);
        }
        return r;
    }

    /** The recorded chain, extended by the catalogue past its last known class. */
    private static List<String> chainOf(IORegistryEntry nub, ClassCatalogue classes) {
        List<String> rec = nub.inheritance();
        List<String> out = new ArrayList<>(rec);
        for (String c : classes.chain(rec.get(rec.size() - 1))) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
