package dev.ioscope.engine.explore;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What changed between two registries (before and after a kext load, a sleep/wake, a hot-plug).
 *
 * <p>Matching: XNU hands out registry entry IDs from a counter that only grows during one boot
 * (IORegistryEntry::init takes the next gIORegistryLastID), so within one boot an ID names one entry for its
 * whole life. When most IDs the two registries share also agree on class and name, the snapshots are from one
 * boot and entries are matched by ID first. Entries still unmatched (and everything across boots, where IDs
 * drift) are matched by their path in the first plane that holds them plus their class; same-named siblings
 * pair in attach order.
 *
 * <p>Planes: only the planes both snapshots have are compared. An {@code ioreg -a} XML file holds one plane (the
 * one given to {@code -p}), an {@code .ioreg} save all of them; an entry that only lives in a plane the other
 * snapshot lacks (an IOACPIPlane or IODeviceTree node against an IOService-only file) is outside the comparison:
 * neither added nor removed, just counted in {@link Result#outsideBefore()} / {@link Result#outsideAfter()}.
 *
 * <p>Entries attached in no plane at all (a whole-registry save such as IORegistryExplorer's can hold a few: an
 * entry detached from every plane while the save ran, still listed) are compared only when the other snapshot has
 * every plane this one has. A snapshot lacking planes is a plane walk ({@code ioreg -l}, {@code ioreg -a -p}), and
 * a plane walk never reaches an entry in no plane, so their absence there says nothing: they are outside the
 * comparison too, and named in {@link Result#planelessBefore()} / {@link Result#planelessAfter()}.
 */
public final class RegistryDiff {
    private RegistryDiff() {
    }

    /** The kind of difference an entry shows. */
    public enum Change { ADDED, REMOVED, CHANGED }

    /** One property whose value differs; {@code before} or {@code after} is null when the key is missing. */
    public record PropertyChange(String key, OSObject before, OSObject after) {
    }

    /** The result: matched pairs, unmatched entries on each side and per-entry property changes. */
    public static final class Result {
        private final Map<IORegistryEntry, IORegistryEntry> afterOf = new IdentityHashMap<>();
        private final Map<IORegistryEntry, IORegistryEntry> beforeOf = new IdentityHashMap<>();
        private final Map<IORegistryEntry, List<PropertyChange>> changes = new IdentityHashMap<>();
        private final List<IORegistryEntry> added = new ArrayList<>();
        private final List<IORegistryEntry> removed = new ArrayList<>();
        private boolean matchedById;
        private List<String> sharedPlanes = List.of();
        private List<String> beforeOnlyPlanes = List.of();
        private List<String> afterOnlyPlanes = List.of();
        private int outsideBefore;
        private int outsideAfter;
        private List<IORegistryEntry> planelessBefore = List.of();
        private List<IORegistryEntry> planelessAfter = List.of();

        /** The planes both registries have (in before's order): the only ones compared. */
        public List<String> sharedPlanes() {
            return sharedPlanes;
        }

        /** Planes only the before registry has. */
        public List<String> beforeOnlyPlanes() {
            return beforeOnlyPlanes;
        }

        /** Planes only the after registry has. */
        public List<String> afterOnlyPlanes() {
            return afterOnlyPlanes;
        }

        /** Before-side entries in none of the shared planes (not compared, so not reported as removed). */
        public int outsideBefore() {
            return outsideBefore;
        }

        /** After-side entries in none of the shared planes (not compared, so not reported as added). */
        public int outsideAfter() {
            return outsideAfter;
        }

        /**
         * Before-side entries attached in no plane and left out of the comparison (included in
         * {@link #outsideBefore()}), because the after snapshot is a walk of fewer planes; in registry order.
         */
        public List<IORegistryEntry> planelessBefore() {
            return planelessBefore;
        }

        /** After-side entries attached in no plane and left out of the comparison (in {@link #outsideAfter()}). */
        public List<IORegistryEntry> planelessAfter() {
            return planelessAfter;
        }

        /** The change of an entry of either registry, or null when it is unchanged. */
        public Change changeOf(IORegistryEntry e) {
            if (changes.containsKey(e)) {
                return Change.CHANGED;
            }
            IORegistryEntry other = afterOf.containsKey(e) ? afterOf.get(e) : beforeOf.get(e);
            if (other != null) {
                return changes.containsKey(other) ? Change.CHANGED : null;
            }
            return addedSet().contains(e) ? Change.ADDED : removedSet().contains(e) ? Change.REMOVED : null;
        }

        private Set<IORegistryEntry> addedSet;
        private Set<IORegistryEntry> removedSet;

        private Set<IORegistryEntry> addedSet() {
            if (addedSet == null) {
                addedSet = Collections.newSetFromMap(new IdentityHashMap<>());
                addedSet.addAll(added);
            }
            return addedSet;
        }

        private Set<IORegistryEntry> removedSet() {
            if (removedSet == null) {
                removedSet = Collections.newSetFromMap(new IdentityHashMap<>());
                removedSet.addAll(removed);
            }
            return removedSet;
        }

        /** The property changes of a matched entry (keyed by its after side, also found by its before side). */
        public List<PropertyChange> propertyChanges(IORegistryEntry e) {
            List<PropertyChange> c = changes.get(e);
            if (c == null && beforeOf.containsKey(e)) {
                c = changes.get(beforeOf.get(e));
            }
            if (c == null && afterOf.containsKey(e)) {
                c = changes.get(afterOf.get(e));
            }
            return c == null ? List.of() : c;
        }

        /** The after-side entry matched to a before-side one, or null. */
        public IORegistryEntry after(IORegistryEntry before) {
            return afterOf.get(before);
        }

        /** The before-side entry matched to an after-side one, or null. */
        public IORegistryEntry before(IORegistryEntry after) {
            return beforeOf.get(after);
        }

        public List<IORegistryEntry> added() {
            return List.copyOf(added);
        }

        public List<IORegistryEntry> removed() {
            return List.copyOf(removed);
        }

        /** The changed entries (after side), in no particular order. */
        public List<IORegistryEntry> changed() {
            return List.copyOf(changes.keySet());
        }

        public int changedCount() {
            return changes.size();
        }

        public boolean matchedById() {
            return matchedById;
        }

        @Override
        public String toString() {
            return "+" + added.size() + " -" + removed.size() + " ~" + changes.size();
        }
    }

    public static Result diff(IORegistry before, IORegistry after) {
        Result r = new Result();
        List<String> shared = new ArrayList<>();
        List<String> beforeOnly = new ArrayList<>();
        for (IORegistryPlane p : before.planes()) {
            (after.findPlane(p.name()).isPresent() ? shared : beforeOnly).add(p.name());
        }
        List<String> afterOnly = new ArrayList<>();
        for (IORegistryPlane p : after.planes()) {
            if (before.findPlane(p.name()).isEmpty()) {
                afterOnly.add(p.name());
            }
        }
        r.sharedPlanes = List.copyOf(shared);
        r.beforeOnlyPlanes = List.copyOf(beforeOnly);
        r.afterOnlyPlanes = List.copyOf(afterOnly);
        List<IORegistryEntry> beforeEntries = inScope(before, shared, beforeOnly.isEmpty());
        List<IORegistryEntry> afterEntries = inScope(after, shared, afterOnly.isEmpty());
        r.planelessBefore = beforeOnly.isEmpty() ? List.of() : planeless(before);
        r.planelessAfter = afterOnly.isEmpty() ? List.of() : planeless(after);
        r.outsideBefore = before.size() - beforeEntries.size();
        r.outsideAfter = after.size() - afterEntries.size();
        Set<IORegistryEntry> afterScope = Collections.newSetFromMap(new IdentityHashMap<>());
        afterScope.addAll(afterEntries);

        r.matchedById = sameBoot(before, after);
        if (r.matchedById) {
            for (IORegistryEntry b : beforeEntries) {
                after.entry(b.registryEntryID()).filter(a -> afterScope.contains(a)
                        && a.className().equals(b.className())).ifPresent(a -> pair(r, b, a));
            }
        }
        Map<String, Deque<IORegistryEntry>> afterByKey = new HashMap<>();
        for (IORegistryEntry a : afterEntries) {
            if (!r.beforeOf.containsKey(a)) {
                afterByKey.computeIfAbsent(key(after, a, shared), k -> new ArrayDeque<>()).add(a);
            }
        }
        pair(r, before.root(), after.root());
        for (IORegistryEntry b : beforeEntries) {
            if (r.afterOf.containsKey(b)) {
                continue;
            }
            Deque<IORegistryEntry> q = afterByKey.get(key(before, b, shared));
            IORegistryEntry a = q == null ? null : q.poll();
            while (a != null && r.beforeOf.containsKey(a)) {
                a = q.poll();
            }
            if (a != null) {
                pair(r, b, a);
            } else {
                r.removed.add(b);
            }
        }
        for (IORegistryEntry a : afterEntries) {
            if (!r.beforeOf.containsKey(a)) {
                r.added.add(a);
            }
        }
        for (Map.Entry<IORegistryEntry, IORegistryEntry> p : r.afterOf.entrySet()) {
            List<PropertyChange> c = compare(p.getKey().properties(), p.getValue().properties());
            if (!c.isEmpty()) {
                r.changes.put(p.getValue(), c);
            }
        }
        return r;
    }

    /**
     * The root, every entry attached in at least one of the named planes, and, when {@code withPlaneless} (the
     * other snapshot has every plane this one has), entries attached in no plane at all; in registry order.
     */
    private static List<IORegistryEntry> inScope(IORegistry registry, List<String> planeNames,
            boolean withPlaneless) {
        List<IORegistryPlane> planes = new ArrayList<>();
        for (String n : planeNames) {
            registry.findPlane(n).ifPresent(planes::add);
        }
        List<IORegistryEntry> out = new ArrayList<>();
        for (IORegistryEntry e : registry.entries()) {
            if (e == registry.root() || planes.stream().anyMatch(e::inPlane)
                    || withPlaneless && registry.planes().stream().noneMatch(e::inPlane)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Entries other than the root attached in no plane of their registry, in registry order. */
    private static List<IORegistryEntry> planeless(IORegistry registry) {
        List<IORegistryEntry> out = new ArrayList<>();
        for (IORegistryEntry e : registry.entries()) {
            if (e != registry.root() && registry.planes().stream().noneMatch(e::inPlane)) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    private static void pair(Result r, IORegistryEntry b, IORegistryEntry a) {
        if (!r.afterOf.containsKey(b) && !r.beforeOf.containsKey(a)) {
            r.afterOf.put(b, a);
            r.beforeOf.put(a, b);
        }
    }

    /** Same boot when at least half of the shared IDs (and at least one) name the same class and name. */
    static boolean sameBoot(IORegistry before, IORegistry after) {
        int shared = 0;
        int agree = 0;
        for (IORegistryEntry b : before.entries()) {
            IORegistryEntry a = after.entry(b.registryEntryID()).orElse(null);
            if (a != null && b != before.root()) {
                shared++;
                if (a.className().equals(b.className()) && a.name().equals(b.name())) {
                    agree++;
                }
            }
        }
        return shared > 0 && agree * 2 >= shared;
    }

    /** Path in the first shared plane (in before's plane order) that holds the entry, plus the class. */
    private static String key(IORegistry registry, IORegistryEntry e, List<String> shared) {
        for (String name : shared) {
            IORegistryPlane p = registry.findPlane(name).orElse(null);
            var path = p == null ? Optional.<String>empty() : RegistryPath.pathOf(registry, e, p);
            if (path.isPresent()) {
                return path.get() + "\u0000" + e.className();
            }
        }
        return "\u0000unattached\u0000" + e.name() + "@" + e.location() + "\u0000" + e.className();
    }

    /** Keys in before's order then keys only after has; values compared exactly (width of numbers included). */
    static List<PropertyChange> compare(OSDictionary before, OSDictionary after) {
        Set<String> keys = new LinkedHashSet<>(before.keys());
        keys.addAll(after.keys());
        List<PropertyChange> out = new ArrayList<>();
        for (String k : keys) {
            OSObject b = before.get(k);
            OSObject a = after.get(k);
            if (!Objects.equals(a, b)) {
                out.add(new PropertyChange(k, b, a));
            }
        }
        return out;
    }
}
