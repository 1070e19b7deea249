package dev.ioscope.engine.sim;

import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.journal.EventKind;
import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSSymbol;
import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The machine's interrupt controllers by name (IOPlatformExpert's {@code gIOInterruptControllers}) and IOService's
 * interrupt functions on a nub (IOService.cpp: resolveInterrupt, lookupInterrupt, registerInterrupt,
 * enable/disableInterrupt): a nub's interrupt {@code index} names a controller in its {@code IOInterruptControllers}
 * array and a vector in the same slot of its {@code IOInterruptSpecifiers} array (IC1, IC2, IC3).
 */
public final class InterruptControllers {
    public static final String kIOInterruptControllersKey = "IOInterruptControllers";
    public static final String kIOInterruptSpecifiersKey = "IOInterruptSpecifiers";
    public static final int kIOInterruptTypeEdge = 0;
    public static final int kIOInterruptTypeLevel = 1;

    /** A vector's handler (an IOInterruptAction with its target), called in primary interrupt context. */
    public interface Handler {
        String name();

        void interruptOccurred(IORegistryEntry nub, int source);
    }

    /** What registerInterrupt answered, and the vector's type (told once the registration is done). */
    @FunctionalInterface
    public interface Registered {
        void done(int result, int interruptType);
    }

    /** A nub's resolved interrupt source (IOService's {@code _interruptSources[source]}). */
    private static final class Binding {
        IOInterruptController controller;
        int vector;
    }

    private record Waiter(IORegistryEntry nub, int source, String controller, Handler handler, Registered then) {
    }

    private final Simulation sim;
    private final Map<String, IOInterruptController> controllers = new LinkedHashMap<>();
    private final Map<IORegistryEntry, Binding[]> sources = new IdentityHashMap<>();
    private final List<Waiter> waiting = new ArrayList<>();

    InterruptControllers(Simulation sim) {
        this.sim = sim;
    }

    /**
     * IOPlatformExpert::registerInterruptController (IC1): the controller is known by {@code name} from now on (a
     * second one of the same name replaces the first, as OSDictionary::setObject does), and registrations asleep in
     * lookUpInterruptController for that name go on.
     */
    public IOInterruptController registerInterruptController(String name, IORegistryEntry entry, int vectorCount,
                                                            Set<Integer> level, boolean shareable) {
        IOInterruptController c = new IOInterruptController(this, name, entry, vectorCount, level, shareable);
        controllers.put(name, c);
        record(JournalKind.INTERRUPT_CONTROLLER, entry, "controller", name, "vectors", String.valueOf(vectorCount),
                "level", String.join(",", level.stream().sorted().map(String::valueOf).toList()),
                "shareable", String.valueOf(shareable));
        List<Waiter> woken = waiting.stream().filter(w -> w.controller.equals(name)).toList();
        waiting.removeAll(woken);
        woken.forEach(w -> registerInterrupt(w.nub, w.source, w.handler, w.then));
        return c;
    }

    /** The controller registered under {@code name}, or null. */
    public IOInterruptController controller(String name) {
        return controllers.get(name);
    }

    /**
     * IOService::registerInterrupt (with the getInterruptType IOInterruptEventSource asks first): resolves the nub's
     * source and registers {@code handler} on its vector. A controller not registered yet puts the caller to sleep
     * in lookUpInterruptController (IC3): the registration finishes when it registers.
     */
    public void registerInterrupt(IORegistryEntry nub, int source, Handler handler, Registered then) {
        int r = lookup(nub, source, true);
        if (r == WAIT) {
            String name = controllerName(nub, source);
            record(JournalKind.INTERRUPT_WAIT_CONTROLLER, nub, "index", String.valueOf(source), "controller", name);
            waiting.add(new Waiter(nub, source, name, handler, then));
            return;
        }
        int type = kIOInterruptTypeEdge;
        Binding b = r == IOReturn.kIOReturnSuccess ? sources.get(nub)[source] : null;
        if (b != null) {
            type = b.controller.getInterruptType(b.vector);
            r = b.controller.registerInterrupt(nub, source, b.vector, handler);
            b = sources.get(nub)[source];   // a shared controller re-points the source (IC7)
        }
        record(JournalKind.INTERRUPT_REGISTER, nub, "index", String.valueOf(source), "handler", handler.name(),
                "controller", b == null ? "" : b.controller.name, "vector", b == null ? "" : String.valueOf(b.vector),
                "type", type == kIOInterruptTypeLevel ? "level" : "edge", "result", IOReturn.name(r));
        then.done(r, type);
    }

    /** IOService::unregisterInterrupt: looks up without resolving (IC3). */
    public int unregisterInterrupt(IORegistryEntry nub, int source) {
        int r = lookup(nub, source, false);
        if (r != IOReturn.kIOReturnSuccess) {
            return r;
        }
        Binding b = sources.get(nub)[source];
        return b.controller.unregisterInterrupt(nub, source, b.vector);
    }

    /** IOService::enableInterrupt: looks up without resolving, so before registerInterrupt: kIOReturnNoInterrupt. */
    public int enableInterrupt(IORegistryEntry nub, int source) {
        int r = lookup(nub, source, false);
        if (r != IOReturn.kIOReturnSuccess) {
            return r;
        }
        Binding b = sources.get(nub)[source];
        return b.controller.enableInterrupt(nub, source, b.vector);
    }

    /** IOService::disableInterrupt, likewise. */
    public int disableInterrupt(IORegistryEntry nub, int source) {
        int r = lookup(nub, source, false);
        if (r != IOReturn.kIOReturnSuccess) {
            return r;
        }
        Binding b = sources.get(nub)[source];
        return b.controller.disableInterrupt(nub, source, b.vector);
    }

    /**
     * The device behind {@code nub} asserts its interrupt {@code index}: the line is the one the nub's properties
     * wire it to (whether or not a driver registered), so it reaches that controller's vector (IC6).
     */
    public void raise(IORegistryEntry nub, int index) {
        String name = controllerName(nub, index);
        int vector = specifierVector(nub, index);
        IOInterruptController c = name == null ? null : controllers.get(name);
        if (c == null || vector < 0) {
            record(JournalKind.INTERRUPT_RAISE, nub, "index", String.valueOf(index), "controller",
                    name == null ? "" : name,
                    "vector", vector < 0 ? "" : String.valueOf(vector), "reason", name == null || vector < 0
                            ? "the nub has no interrupt " + index + " in " + kIOInterruptControllersKey + "/"
                            + kIOInterruptSpecifiersKey : "no controller registered as " + name);
            return;
        }
        record(JournalKind.INTERRUPT_RAISE, nub, "index", String.valueOf(index), "controller", name, "vector",
                String.valueOf(vector));
        c.lineAsserted(vector);
    }

    /** A line asserted at the controller itself (a scenario playing the hardware). */
    public void raiseVector(String controllerName, int vector) {
        IOInterruptController c = controllers.get(controllerName);
        if (c == null) {
            sim.record(JournalKind.SCENARIO_ERROR, "", "action", CoreAction.RaiseInterrupt.TYPE.id(), "reason",
                    "no interrupt controller registered as " + controllerName);
            return;
        }
        record(JournalKind.INTERRUPT_RAISE, c.entry, "controller", controllerName, "vector", String.valueOf(vector));
        c.lineAsserted(vector);
    }

    /** The controllers and their vectors in use, in registration order. */
    public List<InterruptTree.Controller> tree() {
        return controllers.values().stream().map(IOInterruptController::view).toList();
    }

    // ------------------------------------------------------------------------------------------ resolution

    private static final int WAIT = 1;

    /** IOService::lookupInterrupt with resolveInterrupt; WAIT when the named controller is not registered yet. */
    private int lookup(IORegistryEntry nub, int source, boolean resolve) {
        Binding[] table = sources.get(nub);
        if (table == null) {
            // the first resolveInterrupt only sizes the table from the IOInterruptControllers array
            if (!(nub.property(kIOInterruptControllersKey) instanceof OSArray a)) {
                return IOReturn.kIOReturnNoResources;
            }
            table = new Binding[a.size()];
            sources.put(nub, table);
        }
        if (source < 0 || source >= table.length) {
            return IOReturn.kIOReturnNoInterrupt;
        }
        if (table[source] != null) {
            return IOReturn.kIOReturnSuccess;
        }
        if (!resolve) {
            return IOReturn.kIOReturnNoInterrupt;
        }
        String name = controllerName(nub, source);
        if (name == null) {
            return IOReturn.kIOReturnNoResources;
        }
        IOInterruptController c = controllers.get(name);
        if (c == null) {
            return WAIT;
        }
        int vector = specifierVector(nub, source);
        if (vector < 0) {
            return IOReturn.kIOReturnNoResources;
        }
        if (vector >= c.vectorCount) {
            return IOReturn.kIOReturnBadArgument;   // IOScope's guard: XNU would index past its vectors
        }
        bind(nub, source, c, vector);
        return IOReturn.kIOReturnSuccess;
    }

    /** Points the nub's source at a controller's vector (resolveInterrupt, or a shared controller taking it). */
    void bind(IORegistryEntry nub, int source, IOInterruptController c, int vector) {
        Binding b = new Binding();
        b.controller = c;
        b.vector = vector;
        sources.get(nub)[source] = b;
    }

    private static String controllerName(IORegistryEntry nub, int source) {
        if (nub.property(kIOInterruptControllersKey) instanceof OSArray a && source >= 0 && source < a.size()) {
            OSObject o = a.get(source);
            if (o instanceof OSSymbol s) {
                return s.value();
            }
            if (o instanceof OSString s) {
                return s.value();
            }
        }
        return null;
    }

    /** The vector number: the specifier's first 32 bits, little-endian (IOInterruptVectorNumber); -1 if none. */
    static int specifierVector(IORegistryEntry nub, int source) {
        if (nub.property(kIOInterruptSpecifiersKey) instanceof OSArray a && source >= 0 && source < a.size()
                && a.get(source) instanceof OSData d && d.length() >= 4) {
            long v = (d.byteAt(0) & 0xffL) | (d.byteAt(1) & 0xffL) << 8 | (d.byteAt(2) & 0xffL) << 16
                    | (d.byteAt(3) & 0xffL) << 24;
            return v > Integer.MAX_VALUE ? -1 : (int) v;
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------ journal

    /** OSSynchronizeIO: the I/O barrier, journalled where the kernel issues it (U1). */
    void synchronizeIO(IORegistryEntry entry, String why) {
        record(JournalKind.OS_SYNCHRONIZE_IO, entry, "why", why);
    }

    void record(EventKind kind, IORegistryEntry entry, String... kv) {
        sim.record(kind, entry == null ? "" : sim.path(entry), kv);
    }

    String path(IORegistryEntry e) {
        return e == null ? "" : sim.path(e);
    }
}
