package dev.ioscope.engine.explore;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSSymbol;
import dev.ioscope.engine.os.OSUnserializable;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A flat, precomputed, lower-cased text index of a registry, one slot per entry and one string per
 * {@link SearchField}, so that a search is a tight loop over arrays (tens of milliseconds for 100k entries)
 * instead of a walk over dictionaries. Built once per loaded registry; immutable afterwards, so it may be
 * searched from any thread.
 */
public final class RegistryIndex {
    /** Cap on the value text kept per entry, so one huge property (an EDID table, a firmware blob) stays cheap. */
    static final int MAX_VALUE_CHARS = 16 * 1024;
    private static final String NONE = "";
    /** Entries between two checkpoints of {@link #complete(IORegistry, Runnable)}: a millisecond or two of work. */
    static final int CHECKPOINT_ENTRIES = 1024;

    private final List<IORegistryEntry> entries;
    /**
     * Slot by entry, only when some entry is not at its creation ordinal (its registry has removed entries): else
     * an entry's slot is its {@link IORegistryEntry#creationOrdinal()} and no map is built (on 100k entries the map
     * was two thirds of the quick stage's time, docs/benchmarks.md, sixth session).
     */
    private final Map<IORegistryEntry, Integer> slot;
    /** Per field, per slot; a field this index does not cover (a quick index's) is null. */
    private final String[][] text;
    /**
     * The class column's distinct texts (an entry's class with its superclasses: a few hundred on 100k entries)
     * and each slot's one among them, so that a search tests each class text once, not once per entry.
     */
    private final String[] classTexts;
    private final int[] classIds;

    private RegistryIndex(List<IORegistryEntry> entries, Map<IORegistryEntry, Integer> slot, String[][] text,
                          String[] classTexts, int[] classIds) {
        this.entries = entries;
        this.slot = slot;
        this.text = text;
        this.classTexts = classTexts;
        this.classIds = classIds;
    }

    /** The whole index of {@code registry}: every field of every entry. */
    public static RegistryIndex build(IORegistry registry) {
        return quick(registry).complete(registry);
    }

    /**
     * The first stage: names, classes (with superclasses) and BSD names only, the quick search's fields and a small
     * part of the whole index's cost. A search over these fields finds on it exactly what it finds on the whole
     * index; {@link #complete} adds the rest.
     */
    public static RegistryIndex quick(IORegistry registry) {
        List<IORegistryEntry> entries = List.copyOf(registry.entries());
        int n = entries.size();
        boolean byOrdinal = true;
        String[][] text = new String[SearchField.values().length][];
        String[] names = new String[n];
        String[] classes = new String[n];
        int[] classIds = new int[n];
        String[] bsd = new String[n];
        Map<ClassKey, Integer> chains = new HashMap<>();
        List<String> classTexts = new ArrayList<>();
        List<IORegistryPlane> planes = registry.planes();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            IORegistryEntry e = entries.get(i);
            byOrdinal &= e.creationOrdinal() == i;
            names[i] = names(e, planes, sb);
            classIds[i] = chains.computeIfAbsent(new ClassKey(e.className(), e.inheritance()), k -> {
                classTexts.add(classText(registry, e));
                return classTexts.size() - 1;
            });
            classes[i] = classTexts.get(classIds[i]);
            OSObject b = e.property("BSD Name");
            bsd[i] = b instanceof OSString str ? str.value().toLowerCase(Locale.ROOT) : NONE;
        }
        text[SearchField.NAME.ordinal()] = names;
        text[SearchField.CLASS.ordinal()] = classes;
        text[SearchField.BSD_NAME.ordinal()] = bsd;
        return new RegistryIndex(entries, byOrdinal ? null : slotMap(entries), text,
                classTexts.toArray(String[]::new), classIds);
    }

    private static Map<IORegistryEntry, Integer> slotMap(List<IORegistryEntry> entries) {
        Map<IORegistryEntry, Integer> slot = new IdentityHashMap<>(entries.size() * 2);
        for (int i = 0; i < entries.size(); i++) {
            slot.put(entries.get(i), i);
        }
        return slot;
    }

    /** What an entry's class text depends on: its class and the chain its snapshot recorded (few distinct). */
    private record ClassKey(String className, List<String> inheritance) {
    }

    /**
     * The whole index: this one's columns and those it lacks (property keys and values, paths), for the same
     * registry. This index is not changed; both may be searched from any thread.
     */
    public RegistryIndex complete(IORegistry registry) {
        return complete(registry, () -> { });
    }

    /**
     * As {@link #complete(IORegistry)}, running {@code checkpoint} before every {@value #CHECKPOINT_ENTRIES}
     * entries: a builder in the background may wait there while the user's search runs.
     */
    public RegistryIndex complete(IORegistry registry, Runnable checkpoint) {
        if (covers(EnumSet.allOf(SearchField.class))) {
            return this;
        }
        int n = entries.size();
        String[][] all = text.clone();
        String[] keys = new String[n];
        String[] values = new String[n];
        String[] paths = new String[n];
        List<IORegistryPlane> planes = registry.planes();
        StringBuilder sb = new StringBuilder();
        List<Map<IORegistryEntry, String>> pathMemo = new ArrayList<>();
        for (int k = 0; k < planes.size(); k++) {
            pathMemo.add(new IdentityHashMap<>());
        }
        for (int i = 0; i < n; i++) {
            if (i % CHECKPOINT_ENTRIES == 0) {
                checkpoint.run();
            }
            IORegistryEntry e = entries.get(i);
            sb.setLength(0);
            keys(e.properties(), sb);
            keys[i] = lower(sb);
            sb.setLength(0);
            values(e.properties(), sb);
            decoded(e.properties(), sb);
            values[i] = lower(sb);
            paths[i] = paths(registry, e, planes, pathMemo);
        }
        all[SearchField.KEY.ordinal()] = keys;
        all[SearchField.VALUE.ordinal()] = values;
        all[SearchField.PATH.ordinal()] = paths;
        return new RegistryIndex(entries, slot, all, classTexts, classIds);
    }

    /** True when this index holds every one of {@code fields} (a quick index holds the quick search's only). */
    public boolean covers(Set<SearchField> fields) {
        for (SearchField f : fields) {
            if (text[f.ordinal()] == null) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return entries.size();
    }

    public IORegistryEntry entry(int slot) {
        return entries.get(slot);
    }

    /** True when {@code other} has the same entries in the same slots (another stage of this index). */
    boolean sameSlots(RegistryIndex other) {
        return entries == other.entries;
    }

    /** The slot of an entry, or -1 if it is not in the indexed registry. */
    public int slotOf(IORegistryEntry e) {
        if (slot == null) {
            int s = e.creationOrdinal();
            return s >= 0 && s < entries.size() && entries.get(s) == e ? s : -1;
        }
        Integer s = slot.get(e);
        return s == null ? -1 : s;
    }

    String text(SearchField field, int slot) {
        return text[field.ordinal()][slot];
    }

    String[] column(SearchField field) {
        return text[field.ordinal()];
    }

    /** The class column's distinct texts; {@code column(CLASS)[i] == classTexts()[classIds()[i]]}. */
    String[] classTexts() {
        return classTexts;
    }

    int[] classIds() {
        return classIds;
    }

    private static String names(IORegistryEntry e, List<IORegistryPlane> planes, StringBuilder sb) {
        sb.setLength(0);
        sb.append(e.name());
        if (e.location() != null) {
            sb.append('@').append(e.location());
        }
        for (IORegistryPlane p : planes) {
            if (e.ownName(p) != null || e.ownLocation(p) != null) {
                sb.append('\n').append(e.nameWithLocation(p));
            }
        }
        return lower(sb);
    }

    private static String classText(IORegistry registry, IORegistryEntry e) {
        // Conformance (OSDynamicCast): the recorded chain first, then what the catalogue knows.
        var all = new LinkedHashSet<String>();
        all.addAll(registry.classes().chain(e.className()));
        all.addAll(e.inheritance());
        return String.join("\n", all).toLowerCase(Locale.ROOT);
    }

    /**
     * The entry's path in every plane (RegistryPath's getPath form), lower-cased. Paths are built from the
     * parent's memoized path, so the whole index costs O(entries) however deep the planes are.
     */
    private static String paths(IORegistry registry, IORegistryEntry e, List<IORegistryPlane> planes,
                                List<Map<IORegistryEntry, String>> memo) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < planes.size(); k++) {
            String p = path(registry, e, planes.get(k), memo.get(k));
            if (p != null) {
                out.append(p).append('\n');
            }
        }
        return out.length() == 0 ? NONE : out.toString();
    }

    /**
     * Lower-cased path along first parents, or null when the entry does not reach the root in the plane. As
     * {@link RegistryPath#pathOf}: relative to the plane's base (the root's first child), which is {@code plane:/}.
     */
    private static String path(IORegistry registry, IORegistryEntry e, IORegistryPlane plane,
                               Map<IORegistryEntry, String> memo) {
        IORegistryEntry base = RegistryPath.base(registry, plane);
        String top = (plane.name() + ":").toLowerCase(Locale.ROOT);
        if (e == registry.root() || e == base) {
            return top + "/";
        }
        if (!e.inPlane(plane)) {
            return null;
        }
        if (memo.containsKey(e)) {
            return memo.get(e);
        }
        // Walk up to the first ancestor whose path is known (iteratively: planes can be deep), then come down.
        ArrayDeque<IORegistryEntry> up = new ArrayDeque<>();
        var seen = Collections.newSetFromMap(new IdentityHashMap<IORegistryEntry, Boolean>());
        IORegistryEntry x = e;
        while (x != null && x != registry.root() && x != base && !memo.containsKey(x)) {
            if (!seen.add(x)) {
                x = null;
                break;
            }
            up.push(x);
            x = x.parent(plane);
        }
        String prefix = x == null ? null : x == registry.root() || x == base ? top : memo.get(x);
        while (!up.isEmpty()) {
            IORegistryEntry y = up.pop();
            String p = prefix == null ? null : prefix + "/" + y.nameWithLocation(plane).toLowerCase(Locale.ROOT);
            memo.put(y, p);
            prefix = p;
        }
        return memo.get(e);
    }

    private static void keys(OSDictionary d, StringBuilder sb) {
        for (int i = 0; i < d.size() && sb.length() < MAX_VALUE_CHARS; i++) {
            sb.append(d.keyAt(i)).append('\n');
            OSObject v = d.valueAt(i);
            if (v instanceof OSDictionary nested) {
                keys(nested, sb);
            } else if (v instanceof OSArray a) {
                for (OSObject o : a.items()) {
                    if (o instanceof OSDictionary nd) {
                        keys(nd, sb);
                    }
                }
            }
        }
    }

    /** Decoded readings (vendor-id 0x8086 Intel, class-code names) are searchable values too. */
    private static void decoded(OSDictionary d, StringBuilder sb) {
        for (int i = 0; i < d.size() && sb.length() < MAX_VALUE_CHARS; i++) {
            PropertyDecoders.decode(d.keyAt(i), d.valueAt(i)).ifPresent(t -> sb.append(t).append('\n'));
        }
    }

    private static void values(OSObject v, StringBuilder sb) {
        if (sb.length() >= MAX_VALUE_CHARS) {
            return;
        }
        if (v instanceof OSDictionary d) {
            for (int i = 0; i < d.size(); i++) {
                values(d.valueAt(i), sb);
            }
        } else if (v instanceof OSArray a) {
            a.items().forEach(o -> values(o, sb));
        } else if (v instanceof OSSet s) {
            s.members().forEach(o -> values(o, sb));
        } else if (v instanceof OSString s) {
            sb.append(s.value()).append('\n');
        } else if (v instanceof OSSymbol s) {
            sb.append(s.value()).append('\n');
        } else if (v instanceof OSNumber n) {
            sb.append(Long.toUnsignedString(n.value())).append('\n').append("0x")
                    .append(Long.toHexString(n.value())).append('\n');
        } else if (v instanceof OSBoolean b) {
            sb.append(b.value() ? "Yes" : "No").append('\n');
        } else if (v instanceof OSData d) {
            int n = Math.min(d.length(), 1024);
            sb.append(HexDump.hex(d, n)).append('\n');
            String ascii = HexDump.printable(d);
            if (ascii != null) {
                sb.append(ascii.replace('\0', '\n')).append('\n');
            }
        } else if (v instanceof OSUnserializable u) {
            sb.append(u.text()).append('\n');
        }
    }

    /**
     * The text lower-cased as {@code toLowerCase(Locale.ROOT)} does: ASCII in place, so an entry costs one string,
     * not a copy and its lower-cased copy; text with any other character goes through {@code toLowerCase}.
     */
    private static String lower(StringBuilder sb) {
        if (sb.length() == 0) {
            return NONE;
        }
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c > 0x7f) {
                return sb.toString().toLowerCase(Locale.ROOT);
            }
            if (c >= 'A' && c <= 'Z') {
                sb.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return sb.toString();
    }
}
