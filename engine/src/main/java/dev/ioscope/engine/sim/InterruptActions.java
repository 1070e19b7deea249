package dev.ioscope.engine.sim;

import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The interrupt actions of a scenario (docs/scenarios.md, "Interrupt controllers"): declare a controller, give a
 * driver an interrupt event source on its provider's interrupt, enable or disable it, and raise a line. The
 * scenario plays the hardware and the driver's calls; the controller does the rest (IC1-IC9).
 */
final class InterruptActions {
    static final List<String> ACTIONS = List.of("register-interrupt-controller", "add-interrupt-source",
            "enable-interrupt", "disable-interrupt");

    private final Simulation sim;
    /** Sources made by add-interrupt-source, by driver path and source name. */
    private final Map<String, IOInterruptEventSource> sources = new LinkedHashMap<>();

    InterruptActions(Simulation sim) {
        this.sim = sim;
    }

    void perform(Scenario.Action a) {
        switch (a.type()) {
            case "register-interrupt-controller" -> registerController(a);
            case "add-interrupt-source" -> addSource(a);
            case "enable-interrupt", "disable-interrupt" -> {
                IOInterruptEventSource s = sources.get(a.arg("path") + "#" + a.arg("source"));
                if (s == null) {
                    error(a, "no interrupt source " + a.arg("source") + " on " + a.arg("path"));
                } else if (a.type().equals("enable-interrupt")) {
                    s.enable();
                } else {
                    s.disable();
                }
            }
            default -> error(a, "unknown action");
        }
    }

    /** raise-interrupt: at a nub's interrupt index ({@code path}, {@code index}) or a controller's vector. */
    void raise(Scenario.Action a, IORegistryEntry nub, int index) {
        if (a.arg("controller") != null) {
            Integer v = whole(a, "vector", null);
            if (v != null) {
                sim.interrupts().raiseVector(a.arg("controller"), v);
            }
        } else {
            sim.interrupts().raise(nub, index);
        }
    }

    private void registerController(Scenario.Action a) {
        String name = a.arg("name");
        Integer vectors = whole(a, "vectors", "256");
        if (name == null || name.isBlank()) {
            error(a, "no name");
            return;
        }
        if (vectors == null) {
            return;
        }
        IORegistryEntry entry = null;
        if (a.arg("path") != null) {
            entry = sim.resolve(a.arg("path"));
            if (entry == null) {
                error(a, "no entry at " + a.arg("path"));
                return;
            }
        }
        Set<Integer> level = new TreeSet<>();
        String lv = a.arg("level");
        if (lv != null) {
            for (String t : lv.replaceAll("[\\[\\]\\s]", "").split(",")) {
                if (!t.isEmpty() && t.matches("\\d{1,9}")) {
                    level.add(Integer.parseInt(t));
                } else if (!t.isEmpty()) {
                    error(a, "level lists vector numbers, not " + t);
                    return;
                }
            }
        }
        sim.interrupts().registerInterruptController(name, entry, vectors, level,
                Boolean.parseBoolean(a.arg("shareable")));
    }

    private void addSource(Scenario.Action a) {
        IORegistryEntry driver = sim.resolve(a.arg("path"));
        if (driver == null) {
            error(a, "no entry at " + a.arg("path"));
            return;
        }
        Integer index = whole(a, "index", "0");
        if (index == null) {
            return;
        }
        IORegistryEntry provider = driver.parent(sim.registry().plane(IORegistryPlane.IOSERVICE));
        String name = a.arg("name") == null ? "irq" + index : a.arg("name");
        String filter = a.arg("filter");
        IOInterruptEventSource s;
        if (filter == null) {
            s = new IOInterruptEventSource(driver, name, provider, index, null);
        } else if (filter.equals("accept") || filter.equals("reject")) {
            boolean answer = filter.equals("accept");
            s = new IOFilterInterruptEventSource(driver, name, provider, index, null, f -> answer);
        } else {
            error(a, "filter is \"accept\" or \"reject\", not " + filter);
            return;
        }
        sources.put(a.arg("path") + "#" + name, s);
        IOWorkLoop wl = sim.workLoops().create(driver);
        wl.addEventSource(s);
        if (a.arg("enable") == null || Boolean.parseBoolean(a.arg("enable"))) {
            s.enable();
        }
    }

    private Integer whole(Scenario.Action a, String key, String absent) {
        String v = a.arg(key) == null ? absent : a.arg(key);
        if (v != null && v.matches("\\d{1,9}")) {
            return Integer.parseInt(v);
        }
        error(a, "bad " + key + " " + v);
        return null;
    }

    private void error(Scenario.Action a, String reason) {
        sim.record(JournalKind.SCENARIO_ERROR, "", "action", a.type(), "reason", reason);
    }
}
