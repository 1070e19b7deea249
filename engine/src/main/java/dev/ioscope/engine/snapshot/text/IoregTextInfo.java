package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistryEntry;

/**
 * What an {@code ioreg} text dump says beyond the registry model, kept so the writer can print the same text
 * back. File-level facts go in {@code Snapshot.info}; entry-level ones in the entry's {@code snapshotInfo}.
 *
 * <p>Why per-occurrence values exist: ioreg reads the live registry while it prints, and an entry with two
 * parents is printed once under each, moments apart. Counters such as HIDIdleTime or a retain count can differ
 * between the copies (seen in MacBookPro8-1.IOService.txt, entry 0x100000264). The model keeps one entry per ID
 * with the first copy's values, and records a later copy's differing header state or property table here,
 * keyed by the copy's path of IDs from the root.
 */
public final class IoregTextInfo {
    /** Snapshot.info: the plane the dump shows (detected from content, or given by the caller). */
    public static final String PLANE = "ioreg.plane";
    /** Snapshot.info: "all" (-l), "none" (plain ioreg) or "some" (-c/-k/-n: see {@link #SHOWN}). */
    public static final String PROPERTIES = "ioreg.properties";
    /** Snapshot.info: numbers were printed in hex (-x). */
    public static final String HEX = "ioreg.hex";
    /** Snapshot.info: headers carry {@code id 0x…} (ioreg 78 and later). */
    public static final String IDS = "ioreg.ids";
    /** Snapshot.info: class fields show the inheritance chain (-i). */
    public static final String INHERITANCE = "ioreg.inheritance";
    /** Snapshot.info: lines were clipped to this width (-w N); 0 when not clipped (-w0). */
    public static final String WIDTH = "ioreg.width";
    /** Snapshot.info: sets print in brackets (ioreg before sets became arrays). */
    public static final String SET_BRACKETS = "ioreg.setBrackets";
    /** Snapshot.info: the dump held several top-level trees (ioreg -r); they hang under a synthetic root. */
    public static final String FRAGMENTS = "ioreg.fragments";
    /** Snapshot.info: how many newlines ended the file (1 as ioreg writes it; 0 if cut; more if padded). */
    public static final String TRAILING_NEWLINES = "ioreg.trailingNewlines";

    /** Entry snapshotInfo: the header printed " (0 ms)": busy time above zero but under a millisecond. */
    public static final String BUSY_TIME_SHOWN = "ioreg.busyTimeShown";
    /** Entry snapshotInfo: with PROPERTIES "some", this entry's property block was printed. */
    public static final String SHOWN = "ioreg.shown";
    /** Entry snapshotInfo: path key → {state?, properties?} for later copies that differ from the first. */
    public static final String OCCURRENCES = "ioreg.occurrences";

    private IoregTextInfo() {
    }

    static boolean flag(OSDictionary d, String key) {
        return d.get(key) instanceof OSBoolean b && b.value();
    }

    static String string(OSDictionary d, String key, String fallback) {
        OSObject o = d.get(key);
        return o instanceof OSString s ? s.value() : fallback;
    }

    static long number(OSDictionary d, String key, long fallback) {
        OSObject o = d.get(key);
        return o instanceof OSNumber n ? n.value() : fallback;
    }

    /** Header state of one printed copy, as ioreg shows it. */
    record Header(EntryState state, boolean busyTimeShown) {
        static Header of(IORegistryEntry e) {
            return new Header(e.state(), flag(e.snapshotInfo(), BUSY_TIME_SHOWN));
        }

        OSDictionary toDictionary() {
            return OSDictionary.of("service", OSBoolean.of(state.service()),
                    "registered", OSBoolean.of(state.registered()), "matched", OSBoolean.of(state.matched()),
                    "active", OSBoolean.of(state.active()), "busy", OSNumber.of64(state.busyState()),
                    "busyTime", OSNumber.of64(state.busyTimeMs()), "retain", OSNumber.of64(state.retainCount()),
                    "busyTimeShown", OSBoolean.of(busyTimeShown));
        }

        static Header fromDictionary(OSDictionary d) {
            return new Header(new EntryState(flag(d, "service"), flag(d, "registered"), flag(d, "matched"),
                    flag(d, "active"), (int) number(d, "busy", 0), number(d, "busyTime", 0),
                    (int) number(d, "retain", -1)), flag(d, "busyTimeShown"));
        }
    }

    /** A later copy's recorded differences, or null. */
    static OSDictionary occurrence(IORegistryEntry e, String pathKey) {
        if (e.snapshotInfo().get(OCCURRENCES) instanceof OSDictionary occ
                && occ.get(pathKey) instanceof OSDictionary d) {
            return d;
        }
        return null;
    }

    static void recordOccurrence(IORegistryEntry e, String pathKey, OSDictionary diff) {
        OSDictionary occ = e.snapshotInfo().get(OCCURRENCES) instanceof OSDictionary o ? o : OSDictionary.empty();
        e.setSnapshotInfo(e.snapshotInfo().with(OCCURRENCES, occ.with(pathKey, diff)));
    }
}
