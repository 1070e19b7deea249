package dev.ioscope.engine.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Exact structural comparison of two registries, entry by entry keyed by registry entry ID: class, chain,
 * names and locations (default and per plane), properties (exact {@code equals}, so OSNumber widths and
 * key order count), state, snapshot info, and parent/child links in order in every plane. Used to prove
 * that a format round trip loses nothing.
 */
public final class RegistryEquivalence {
    private RegistryEquivalence() {
    }

    /** Up to {@code max} human-readable differences; empty when the registries are equivalent. */
    public static List<String> differences(IORegistry a, IORegistry b, int max) {
        List<String> out = new ArrayList<>();
        if (!a.planes().equals(b.planes())) {
            out.add("planes differ: " + a.planes() + " vs " + b.planes());
        }
        if (a.size() != b.size()) {
            out.add("entry counts differ: " + a.size() + " vs " + b.size());
        }
        if (a.root().registryEntryID() != b.root().registryEntryID()) {
            out.add("root IDs differ");
        }
        for (IORegistryEntry ea : a.entries()) {
            if (out.size() >= max) {
                break;
            }
            IORegistryEntry eb = b.entry(ea.registryEntryID()).orElse(null);
            String where = "entry 0x" + Long.toHexString(ea.registryEntryID()) + " (" + ea.name() + ")";
            if (eb == null) {
                out.add(where + " missing");
                continue;
            }
            check(out, where, "class", ea.className(), eb.className());
            check(out, where, "inheritance", ea.inheritance(), eb.inheritance());
            check(out, where, "name", ea.name(), eb.name());
            check(out, where, "location", ea.location(), eb.location());
            check(out, where, "state", ea.state(), eb.state());
            check(out, where, "snapshotInfo", ea.snapshotInfo(), eb.snapshotInfo());
            if (!ea.properties().equals(eb.properties())) {
                out.add(where + ": properties differ: " + firstPropertyDifference(ea, eb));
            }
            for (IORegistryPlane p : a.planes()) {
                check(out, where, p + " name", ea.ownName(p), eb.ownName(p));
                check(out, where, p + " location", ea.ownLocation(p), eb.ownLocation(p));
                check(out, where, p + " parents", ids(ea.parents(p)), ids(eb.parents(p)));
                check(out, where, p + " children", ids(ea.children(p)), ids(eb.children(p)));
            }
        }
        return out.size() > max ? out.subList(0, max) : out;
    }

    private static String firstPropertyDifference(IORegistryEntry a, IORegistryEntry b) {
        var pa = a.properties();
        var pb = b.properties();
        if (!pa.keys().equals(pb.keys())) {
            return "keys " + pa.keys() + " vs " + pb.keys();
        }
        for (int i = 0; i < pa.size(); i++) {
            if (!pa.valueAt(i).equals(pb.valueAt(i))) {
                return "\"" + pa.keyAt(i) + "\": " + pa.valueAt(i) + " vs " + pb.valueAt(i);
            }
        }
        return "?";
    }

    private static List<Long> ids(List<IORegistryEntry> es) {
        List<Long> out = new ArrayList<>(es.size());
        for (IORegistryEntry e : es) {
            out.add(e.registryEntryID());
        }
        return out;
    }

    private static void check(List<String> out, String where, String what, Object x, Object y) {
        if (!Objects.equals(x, y)) {
            out.add(where + ": " + what + " differs: " + x + " vs " + y);
        }
    }
}
