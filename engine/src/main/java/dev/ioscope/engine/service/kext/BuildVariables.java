package dev.ioscope.engine.service.kext;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Xcode build-setting placeholders in a kext's {@code Info.plist} as found in source trees: {@code $(VAR)},
 * {@code ${VAR}}, {@code $VAR} and the {@code :modifier} forms such as {@code ${PRODUCT_NAME:rfc1034identifier}}.
 * Xcode expands them when it builds the bundle; a plist taken from a repository still holds them.
 *
 * <p>Values come from the settings given (the plist's own keys mapped to the settings Xcode derives them from,
 * and what the bundle's file name says); anything unknown is kept literally and reported, never an error
 * (docs/reference/FORMATS.md, "Kext Info.plist from source trees").
 */
public final class BuildVariables {
    private static final Pattern VAR = Pattern.compile(
            "\\$\\(([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z0-9_,]+))?\\)"
                    + "|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z0-9_,]+))?\\}"
                    + "|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final Map<String, String> settings;
    private final Set<String> unresolved = new LinkedHashSet<>();
    private final Set<String> used = new LinkedHashSet<>();

    public BuildVariables(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    /**
     * The placeholders that could not be resolved so far, as they were written, in the order first met (not
     * Set.copyOf, whose iteration order changes from one JVM to the next: warnings must print the same each run).
     */
    public Set<String> unresolved() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(unresolved));
    }

    /** The setting names that were expanded so far, in the order first met. */
    public Set<String> used() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(used));
    }

    /** Expands every placeholder it knows in a string; unknown ones stay as written. */
    public String expand(String s) {
        if (s.indexOf('$') < 0) {
            return s;
        }
        Matcher m = VAR.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(5);
            String mods = m.group(1) != null ? m.group(2) : m.group(3) != null ? m.group(4) : null;
            String value = settings.get(name);
            String replacement;
            if (value == null || value.contains("$")) {
                unresolved.add(m.group());
                replacement = m.group();
            } else {
                used.add(name);
                replacement = applyModifiers(value, mods);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Expands placeholders in every string of a value tree (keys stay as they are). */
    public OSObject expand(OSObject v) {
        if (v instanceof OSString s) {
            String x = expand(s.value());
            return x.equals(s.value()) ? s : OSString.of(x);
        }
        if (v instanceof OSDictionary d) {
            OSDictionary.Builder b = OSDictionary.builder(d.size());
            d.forEach((k, val) -> b.put(k, expand(val)));
            return b.build();
        }
        if (v instanceof OSArray a) {
            List<OSObject> items = new ArrayList<>(a.size());
            for (OSObject o : a.items()) {
                items.add(expand(o));
            }
            return OSArray.of(items);
        }
        return v;
    }

    /** Xcode's modifiers; the ones kexts use are rfc1034identifier, identifier, lower, upper. */
    static String applyModifiers(String value, String mods) {
        if (mods == null) {
            return value;
        }
        String v = value;
        for (String mod : mods.split(",")) {
            switch (mod) {
                case "rfc1034identifier" -> v = v.replaceAll("[^A-Za-z0-9.-]", "-");
                case "identifier", "c99extidentifier" -> v = v.replaceAll("[^A-Za-z0-9_]", "_");
                case "lower" -> v = v.toLowerCase(Locale.ROOT);
                case "upper" -> v = v.toUpperCase(Locale.ROOT);
                default -> {
                    // an unknown modifier leaves the value as it is
                }
            }
        }
        return v;
    }
}
