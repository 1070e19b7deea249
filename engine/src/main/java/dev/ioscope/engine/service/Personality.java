package dev.ioscope.engine.service;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSSymbol;

import java.util.Objects;

/**
 * One IOKitPersonalities entry of a kext: a matching dictionary that also holds the driver's class and the
 * properties it publishes (IOCatalogue stores exactly this dictionary). Immutable; the keys matching reads on
 * every pair (class, provider class, category, score) are read once here.
 */
public final class Personality {
    public static final String IO_CLASS = "IOClass";
    public static final String IO_PROVIDER_CLASS = "IOProviderClass";
    public static final String IO_MATCH_CATEGORY = "IOMatchCategory";
    public static final String IO_PROBE_SCORE = "IOProbeScore";
    /** gIODefaultMatchCategoryKey. */
    public static final String DEFAULT_MATCH_CATEGORY = "IODefaultMatchCategory";
    /** kIODefaultProbeScore. */
    public static final int DEFAULT_PROBE_SCORE = 0;

    private final String bundle;
    private final String name;
    private final OSDictionary table;
    private final int order;
    private final String ioClass;
    private final String providerClass;
    private final String category;
    private final int probeScore;

    /**
     * @param bundle the kext's CFBundleIdentifier (the personality's own CFBundleIdentifier when it names one)
     * @param name   the personality's key in IOKitPersonalities
     * @param table  the whole personality dictionary
     * @param order  the position in the catalogue, which breaks probe-score ties as XNU's ordered sets do
     */
    public Personality(String bundle, String name, OSDictionary table, int order) {
        this.bundle = Objects.requireNonNull(bundle);
        this.name = Objects.requireNonNull(name);
        this.table = Objects.requireNonNull(table);
        this.order = order;
        this.ioClass = string(table.get(IO_CLASS));
        this.providerClass = string(table.get(IO_PROVIDER_CLASS));
        String c = string(table.get(IO_MATCH_CATEGORY));
        this.category = c == null ? DEFAULT_MATCH_CATEGORY : c;
        this.probeScore = probeScoreOf(table);
    }

    public String bundle() {
        return bundle;
    }

    public String name() {
        return name;
    }

    public OSDictionary table() {
        return table;
    }

    public int order() {
        return order;
    }

    /** IOClass, or null when the personality names none (XNU skips it at instantiation). */
    public String ioClass() {
        return ioClass;
    }

    /** IOProviderClass, or null. */
    public String providerClass() {
        return providerClass;
    }

    /** IOMatchCategory, IODefaultMatchCategory when absent (IOService::probeCandidates). */
    public String category() {
        return category;
    }

    /**
     * IOProbeScore as IOServiceObjectOrder reads it: the OSNumber's 32-bit value taken as signed; absent or not
     * a number gives kIODefaultProbeScore (0).
     */
    public int probeScore() {
        return probeScore;
    }

    static int probeScoreOf(OSDictionary table) {
        OSObject v = table.get(IO_PROBE_SCORE);
        return v instanceof OSNumber n ? (int) n.value() : DEFAULT_PROBE_SCORE;
    }

    static String string(OSObject v) {
        if (v instanceof OSString s) {
            return s.value();
        }
        if (v instanceof OSSymbol s) {
            return s.value();
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Personality p && order == p.order && bundle.equals(p.bundle)
                && name.equals(p.name) && table.equals(p.table);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bundle, name, order);
    }

    @Override
    public String toString() {
        return bundle + " / " + name + " (" + ioClass + ")";
    }
}
