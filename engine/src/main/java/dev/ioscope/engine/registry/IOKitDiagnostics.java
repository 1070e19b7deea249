package dev.ioscope.engine.registry;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry root's {@code IOKitDiagnostics} property (xnu {@code IOKitKeys.h} kIOKitDiagnosticsKey; set by
 * {@code StartIOKit} in {@code IOStartIOKit.cpp}, serialized by {@code IOKitDiagnostics::serialize} in
 * {@code IOKitDebug.cpp}): the allocation figures, as 64-bit numbers, and {@code Classes}, every OSMetaClass with
 * its instance count (rule DG1). A value that is not of that form is kept out and named in {@link #problems()}.
 *
 * @param figures  the allocation figures in the order the dictionary holds them, e.g. "Instance allocation"
 * @param classes  the classes in the order the dictionary holds them
 * @param problems what was left out and why (a key whose value is not a number, ...); empty when all was read
 */
public record IOKitDiagnostics(List<Figure> figures, List<ClassCount> classes, List<String> problems) {
    /** kIOKitDiagnosticsKey. */
    public static final String KEY = "IOKitDiagnostics";
    /** The class dictionary OSMetaClass::serializeClassDictionary adds. */
    public static final String CLASSES = "Classes";
    /** IOKitDiagnostics::serialize's updateOffset keys, in its order (debug_ivars_size, ...). */
    public static final List<String> FIGURE_KEYS = List.of("Instance allocation", "Container allocation",
            "IOMalloc allocation", "Pageable allocation");

    public IOKitDiagnostics {
        figures = List.copyOf(figures);
        classes = List.copyOf(classes);
        problems = List.copyOf(problems);
    }

    /** One allocation figure, bytes. */
    public record Figure(String key, long bytes) {
    }

    /** One class and its OSMetaClass instance count (rule DG2: own instances + subclasses with any). */
    public record ClassCount(String className, long instances) {
    }

    /** The root's IOKitDiagnostics, when the registry carries one (real snapshots and the emulated machine do). */
    public static Optional<IOKitDiagnostics> of(IORegistry registry) {
        return from(registry.root().property(KEY));
    }

    /** Reads the property's value; empty when it is absent or not a dictionary. */
    public static Optional<IOKitDiagnostics> from(OSObject value) {
        if (!(value instanceof OSDictionary d)) {
            return Optional.empty();
        }
        List<Figure> figures = new ArrayList<>();
        List<ClassCount> classes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        d.forEach((k, v) -> {
            if (k.equals(CLASSES)) {
                readClasses(v, classes, problems);
            } else if (v instanceof OSNumber n) {
                figures.add(new Figure(k, n.value()));
            } else {
                problems.add("\"" + k + "\" is " + v.typeName() + ", not a number: left out");
            }
        });
        if (d.get(CLASSES) == null) {
            problems.add("no \"" + CLASSES + "\" dictionary");
        }
        return Optional.of(new IOKitDiagnostics(figures, classes, problems));
    }

    private static void readClasses(OSObject v, List<ClassCount> out, List<String> problems) {
        if (!(v instanceof OSDictionary cd)) {
            problems.add("\"" + CLASSES + "\" is " + v.typeName() + ", not a dictionary: left out");
            return;
        }
        cd.forEach((cls, n) -> {
            if (n instanceof OSNumber num) {
                out.add(new ClassCount(cls, num.value()));
            } else {
                problems.add("class " + cls + ": count is " + n.typeName() + ", not a number: left out");
            }
        });
    }

    /** The figures by key. */
    public Map<String, Long> figureMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        figures.forEach(f -> m.put(f.key(), f.bytes()));
        return m;
    }

    /** The classes by name, in the dictionary's order. */
    public Map<String, Long> classMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        classes.forEach(c -> m.put(c.className(), c.instances()));
        return m;
    }

    /** One class's count, if the dictionary lists it. */
    public Optional<Long> instances(String className) {
        return Optional.ofNullable(classMap().get(className));
    }

    /** The {@code n} classes with most instances, most first (ties by name, so the order is fixed). */
    public List<ClassCount> top(int n) {
        return classes.stream()
                .sorted(Comparator.comparingLong(ClassCount::instances).reversed()
                        .thenComparing(ClassCount::className))
                .limit(Math.max(0, n)).toList();
    }

    /** The sum of every class's count (subclass contributions included, as the kernel's counts are). */
    public long totalCounted() {
        return classes.stream().mapToLong(ClassCount::instances).sum();
    }

    /** The property's value as the kernel serializes it: the figures (64-bit numbers), then Classes. */
    public OSDictionary toDictionary() {
        OSDictionary.Builder b = OSDictionary.builder(figures.size() + 1);
        figures.forEach(f -> b.put(f.key(), OSNumber.of64(f.bytes())));
        OSDictionary.Builder c = OSDictionary.builder(classes.size());
        classes.forEach(cc -> c.put(cc.className(), OSNumber.of32(cc.instances())));
        b.put(CLASSES, c.build());
        return b.build();
    }
}
