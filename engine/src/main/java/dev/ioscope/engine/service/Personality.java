package dev.ioscope.engine.service;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSSymbol;

import java.util.Objects;

/**
 * One IOKitPersonalities entry of a kext: a matching dictionary that also holds the driver's class and the
 * properties it publishes (IOCatalogue stores exactly this dictionary).
 *
 * @param bundle the kext's CFBundleIdentifier (the personality's own CFBundleIdentifier when it names one)
 * @param name   the personality's key in IOKitPersonalities
 * @param table  the whole personality dictionary
 * @param order  the position in the catalogue, used to break probe-score ties as XNU's ordered sets do
 */
public record Personality(String bundle, String name, OSDictionary table, int order) {
    public static final String IO_CLASS = "IOClass";
    public static final String IO_PROVIDER_CLASS = "IOProviderClass";
    public static final String IO_MATCH_CATEGORY = "IOMatchCategory";
    public static final String IO_PROBE_SCORE = "IOProbeScore";
    /** gIODefaultMatchCategoryKey. */
    public static final String DEFAULT_MATCH_CATEGORY = "IODefaultMatchCategory";
    /** kIODefaultProbeScore. */
    public static final int DEFAULT_PROBE_SCORE = 0;

    public Personality {
        Objects.requireNonNull(bundle);
        Objects.requireNonNull(name);
        Objects.requireNonNull(table);
    }

    /** IOClass, or null when the personality names none (XNU skips it at instantiation). */
    public String ioClass() {
        return string(table.get(IO_CLASS));
    }

    /** IOProviderClass, or null. */
    public String providerClass() {
        return string(table.get(IO_PROVIDER_CLASS));
    }

    /** IOMatchCategory, IODefaultMatchCategory when absent (IOService::probeCandidates). */
    public String category() {
        String c = string(table.get(IO_MATCH_CATEGORY));
        return c == null ? DEFAULT_MATCH_CATEGORY : c;
    }

    /**
     * IOProbeScore as IOServiceObjectOrder reads it: the OSNumber's 32-bit value taken as signed; absent or not
     * a number gives kIODefaultProbeScore (0).
     */
    public int probeScore() {
        return probeScoreOf(table);
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
    public String toString() {
        return bundle + " / " + name + " (" + ioClass() + ")";
    }
}
