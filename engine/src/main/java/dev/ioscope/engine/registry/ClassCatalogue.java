package dev.ioscope.engine.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The I/O Kit class hierarchy: each known class and its superclass (OSMetaClass::getSuperClass). Lets
 * "does this entry conform to IOPCIDevice?" (OSDynamicCast / IOProviderClass matching) be answered for
 * snapshots that name only leaf classes.
 *
 * <p>Seeded from {@code iokit-classes.txt} (a resource of well-known classes, one {@code Class Superclass}
 * pair per line), grown from class chains that snapshots record, and extendable by plugins.
 */
public final class ClassCatalogue {
    private static final String RESOURCE = "iokit-classes.txt";
    private static volatile Map<String, String> standardTable;

    private final Map<String, String> superOf;

    private ClassCatalogue(Map<String, String> table) {
        this.superOf = new HashMap<>(table);
    }

    /** A fresh, mutable catalogue seeded with the well-known classes. */
    public static ClassCatalogue standard() {
        return new ClassCatalogue(standardTable());
    }

    /** An empty catalogue (OSObject only). */
    public static ClassCatalogue empty() {
        return new ClassCatalogue(Map.of());
    }

    private static Map<String, String> standardTable() {
        Map<String, String> t = standardTable;
        if (t == null) {
            t = loadResource();
            standardTable = t;
        }
        return t;
    }

    private static Map<String, String> loadResource() {
        Map<String, String> t = new HashMap<>();
        try (InputStream in = ClassCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                // "Class Super": two words (split by hand: a regex split per line was a cold start's cost)
                int gap = 0;
                while (gap < line.length() && !isSpace(line.charAt(gap))) {
                    gap++;
                }
                int next = gap;
                while (next < line.length() && isSpace(line.charAt(next))) {
                    next++;
                }
                int end = next;
                while (end < line.length() && !isSpace(line.charAt(end))) {
                    end++;
                }
                if (next > gap && next < line.length() && end == line.length()) {
                    t.put(line.substring(0, gap), line.substring(next));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(t);
    }

    /** Whitespace as the class list's words are split by: the regex {@code \\s} set. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Declares {@code className}'s superclass. A later, different declaration replaces the earlier one. */
    public void define(String className, String superClass) {
        Objects.requireNonNull(className);
        Objects.requireNonNull(superClass);
        if (className.equals(superClass)) {
            throw new IllegalArgumentException(className + " cannot be its own superclass");
        }
        // Refuse a declaration that would make a cycle, so chain walks always end.
        for (String s = superClass; s != null; s = superOf.get(s)) {
            if (s.equals(className)) {
                throw new IllegalArgumentException("class cycle: " + className + " -> " + superClass);
            }
        }
        superOf.put(className, superClass);
    }

    /** Learns a class chain, leaf first, as snapshots record it (IOObjectInheritance / inheritance). */
    public void learnChain(List<String> chainLeafFirst) {
        for (int i = 0; i + 1 < chainLeafFirst.size(); i++) {
            try {
                define(chainLeafFirst.get(i), chainLeafFirst.get(i + 1));
            } catch (IllegalArgumentException ignored) {
                // a contradictory chain keeps the first reading
            }
        }
    }

    public boolean knows(String className) {
        return superOf.containsKey(className) || "OSObject".equals(className);
    }

    public Optional<String> superClass(String className) {
        return Optional.ofNullable(superOf.get(className));
    }

    /** The chain leaf first, e.g. [IOPCIDevice, IOService, IORegistryEntry, OSObject]. */
    public List<String> chain(String className) {
        List<String> out = new ArrayList<>();
        for (String c = className; c != null && out.size() < 256; c = superOf.get(c)) {
            out.add(c);
        }
        return out;
    }

    /** OSDynamicCast-style conformance: {@code className} is {@code target} or a subclass of it. */
    public boolean conformsTo(String className, String target) {
        for (String c = className; c != null; c = superOf.get(c)) {
            if (c.equals(target)) {
                return true;
            }
        }
        return false;
    }

    /** Conformance for an entry, using its own recorded chain first, then the catalogue. */
    public boolean conformsTo(IORegistryEntry e, String target) {
        if (e.inheritance().contains(target)) {
            return true;
        }
        return conformsTo(e.className(), target);
    }

    public int size() {
        return superOf.size();
    }
}
