package dev.ioscope.engine.sim;

import dev.ioscope.engine.registry.IOKitDiagnostics;
import dev.ioscope.engine.registry.IOKitDiagnostics.ClassCount;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.InstanceCounts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulated machine's {@code IOKitDiagnostics} on the registry root (rule DG3). XNU serializes the property
 * afresh on every read; IOScope republishes it after each step that attached or detached an entry. The class
 * counts move by OSMetaClass's rule ({@link InstanceCounts}) as registry objects come and go: an object is live
 * while it is the root or attached in some plane. A machine built from a real snapshot starts from that
 * snapshot's figures and counts (which also hold objects IOScope does not model, such as OSArray); a machine
 * built from nothing starts from its own entries. The allocation figures are the snapshot's, unchanged: IOScope
 * does not model kalloc. A class the catalogue does not know (a scenario's or a kext's own driver class) counts as
 * a direct subclass of IOService when its object sits in the IOService plane, as every driver class is one.
 */
final class LiveDiagnostics {
    private final IORegistry registry;
    private final IORegistryPlane service;
    private final List<IOKitDiagnostics.Figure> figures;
    private final InstanceCounts counts;
    private final Set<String> serviceClasses = new HashSet<>();
    private Map<String, Long> live;

    LiveDiagnostics(IORegistry registry) {
        this.registry = registry;
        this.service = registry.findPlane(IORegistryPlane.IOSERVICE).orElse(null);
        IOKitDiagnostics base = IOKitDiagnostics.of(registry).orElse(null);
        this.figures = base == null ? List.of() : base.figures();
        this.counts = new InstanceCounts(base == null ? Map.of() : base.classMap(),
                this::superOf);
        this.live = base == null ? Map.of() : liveClasses();
        update();
    }

    /** Counts the objects that appeared or went since the last update and republishes the property. */
    void update() {
        Map<String, Long> now = liveClasses();
        now.forEach((cls, n) -> {
            for (long i = live.getOrDefault(cls, 0L); i < n; i++) {
                counts.constructed(cls);
            }
        });
        live.forEach((cls, n) -> {
            for (long i = now.getOrDefault(cls, 0L); i < n; i++) {
                counts.destructed(cls);
            }
        });
        live = now;
        registry.root().setProperty(IOKitDiagnostics.KEY, current().toDictionary());
    }

    /** The diagnostics as published now. */
    IOKitDiagnostics current() {
        List<ClassCount> classes = new ArrayList<>();
        counts.asMap().forEach((c, n) -> classes.add(new ClassCount(c, n)));
        return new IOKitDiagnostics(figures, classes, List.of());
    }

    private Optional<String> superOf(String c) {
        Optional<String> s = registry.classes().superClass(c);
        if (s.isEmpty() && !c.equals("IOService") && !c.equals("OSObject") && serviceClasses.contains(c)) {
            return Optional.of("IOService");
        }
        return s;
    }

    private Map<String, Long> liveClasses() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (IORegistryEntry e : registry.entries()) {
            if (e == registry.root() || !e.planes().isEmpty()) {
                learnChain(e);
                if (service != null && e.inPlane(service)) {
                    serviceClasses.add(e.className());
                }
                m.merge(e.className(), 1L, Long::sum);
            }
        }
        return m;
    }

    /** A snapshot entry's recorded class chain tells the catalogue superclasses it may not know. */
    private void learnChain(IORegistryEntry e) {
        if (e.inheritance().size() > 1 && !registry.classes().knows(e.className())) {
            registry.classes().learnChain(e.inheritance());
        }
    }
}
