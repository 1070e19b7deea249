package dev.ioscope.engine.sim;

import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.sim.CoreAction.AddInterruptSource;
import dev.ioscope.engine.sim.CoreAction.DisableInterrupt;
import dev.ioscope.engine.sim.CoreAction.EnableInterrupt;
import dev.ioscope.engine.sim.CoreAction.RaiseInterrupt;
import dev.ioscope.engine.sim.CoreAction.RegisterInterruptController;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The interrupt actions of a scenario (docs/scenarios.md, "Interrupt controllers"): declare a controller, give a
 * driver an interrupt event source on its provider's interrupt, enable or disable it, and raise a line. The
 * scenario plays the hardware and the driver's calls; the controller does the rest (IC1-IC9).
 */
final class InterruptActions {
    private final Simulation sim;
    /** Sources made by add-interrupt-source, by driver path and source name. */
    private final Map<String, IOInterruptEventSource> sources = new LinkedHashMap<>();

    InterruptActions(Simulation sim) {
        this.sim = sim;
    }

    void perform(String type, CoreAction op) {
        if (op instanceof RegisterInterruptController c) {
            registerController(type, c);
        } else if (op instanceof AddInterruptSource a) {
            addSource(type, a);
        } else if (op instanceof EnableInterrupt e) {
            enable(type, e.path(), e.source(), true);
        } else if (op instanceof DisableInterrupt d) {
            enable(type, d.path(), d.source(), false);
        } else {
            error(type, "unknown action");
        }
    }

    private void enable(String type, String path, String source, boolean on) {
        IOInterruptEventSource s = sources.get(path + "#" + source);
        if (s == null) {
            error(type, "no interrupt source " + source + " on " + path);
        } else if (on) {
            s.enable();
        } else {
            s.disable();
        }
    }

    /** raise-interrupt: at a nub's interrupt index ({@code path}, {@code index}) or a controller's vector. */
    void raise(String type, RaiseInterrupt r, IORegistryEntry nub, int index) {
        if (r.controller() != null) {
            Integer v = whole(type, r.vector(), "vector", null);
            if (v != null) {
                sim.interrupts().raiseVector(r.controller(), v);
            }
        } else {
            sim.interrupts().raise(nub, index);
        }
    }

    private void registerController(String type, RegisterInterruptController c) {
        String name = c.name();
        Integer vectors = whole(type, c.vectors(), "vectors", "256");
        if (name == null || name.isBlank()) {
            error(type, "no name");
            return;
        }
        if (vectors == null) {
            return;
        }
        IORegistryEntry entry = null;
        if (c.path() != null) {
            entry = sim.resolve(c.path());
            if (entry == null) {
                error(type, "no entry at " + c.path());
                return;
            }
        }
        Set<Integer> level = new TreeSet<>();
        String lv = JsonValue.text(c.level());
        if (lv != null) {
            for (String t : lv.replaceAll("[\\[\\]\\s]", "").split(",")) {
                if (!t.isEmpty() && t.matches("\\d{1,9}")) {
                    level.add(Integer.parseInt(t));
                } else if (!t.isEmpty()) {
                    error(type, "level lists vector numbers, not " + t);
                    return;
                }
            }
        }
        sim.interrupts().registerInterruptController(name, entry, vectors, level,
                Boolean.parseBoolean(JsonValue.text(c.shareable())));
    }

    private void addSource(String type, AddInterruptSource a) {
        IORegistryEntry driver = sim.resolve(a.path());
        if (driver == null) {
            error(type, "no entry at " + a.path());
            return;
        }
        Integer index = whole(type, a.index(), "index", "0");
        if (index == null) {
            return;
        }
        IORegistryEntry provider = driver.parent(sim.registry().plane(IORegistryPlane.IOSERVICE));
        String name = a.name() == null ? "irq" + index : a.name();
        String filter = a.filter();
        IOInterruptEventSource s;
        if (filter == null) {
            s = new IOInterruptEventSource(driver, name, provider, index, null);
        } else if (filter.equals("accept") || filter.equals("reject")) {
            boolean answer = filter.equals("accept");
            s = new IOFilterInterruptEventSource(driver, name, provider, index, null, f -> answer);
        } else {
            error(type, "filter is \"accept\" or \"reject\", not " + filter);
            return;
        }
        sources.put(a.path() + "#" + name, s);
        IOWorkLoop wl = sim.workLoops().create(driver);
        wl.addEventSource(s);
        if (a.enable() == null || Boolean.parseBoolean(a.enable().text())) {
            s.enable();
        }
    }

    private Integer whole(String type, Long n, String key, String absent) {
        String v = n == null ? absent : n.toString();
        if (v != null && v.matches("\\d{1,9}")) {
            return Integer.parseInt(v);
        }
        error(type, "bad " + key + " " + v);
        return null;
    }

    private void error(String type, String reason) {
        sim.record(JournalKind.SCENARIO_ERROR, "", "action", type, "reason", reason);
    }
}
