package dev.ioscope.engine.sim;

import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An interrupt controller of the emulated machine (IOInterruptController.cpp): a table of vectors, each with at
 * most one handler, or broken out into an {@link IOSharedInterruptController} when a second handler registers on a
 * vector that can be shared. Vectors are addressed by the number a nub's {@code IOInterruptSpecifiers} entry
 * carries (IC2). Rules IC1-IC9 in docs/iokit-rules.md.
 */
public class IOInterruptController {
    final InterruptControllers platform;
    final String name;
    final IORegistryEntry entry;
    final int vectorCount;
    private final Set<Integer> level;
    private final boolean shareable;
    final TreeMap<Integer, IOInterruptVector> vectors = new TreeMap<>();

    IOInterruptController(InterruptControllers platform, String name, IORegistryEntry entry, int vectorCount,
                          Set<Integer> level, boolean shareable) {
        this.platform = platform;
        this.name = name;
        this.entry = entry;
        this.vectorCount = vectorCount;
        this.level = new TreeSet<>(level);
        this.shareable = shareable;
    }

    /** The name the controller registered under (the symbol nubs list in {@code IOInterruptControllers}). */
    public String name() {
        return name;
    }

    /** The registry entry of the controller's driver, or null for one the scenario declared without one. */
    public IORegistryEntry entry() {
        return entry;
    }

    public int vectorCount() {
        return vectorCount;
    }

    IOInterruptVector vector(int n) {
        return vectors.computeIfAbsent(n, IOInterruptVector::new);
    }

    /** getVectorType: kIOInterruptTypeLevel for the vectors declared level-triggered, else edge (the default). */
    int getInterruptType(int vectorNumber) {
        return level.contains(vectorNumber) ? InterruptControllers.kIOInterruptTypeLevel
                : InterruptControllers.kIOInterruptTypeEdge;
    }

    /**
     * registerInterrupt (IC4, IC7): a free vector takes the handler and starts disabled, soft and hard; a vector in
     * use that cannot be shared answers kIOReturnNoResources; one that can is broken out into a shared controller,
     * the first handler moved onto it with its enable state, and the new handler registered there.
     */
    int registerInterrupt(IORegistryEntry nub, int source, int vectorNumber, InterruptControllers.Handler handler) {
        IOInterruptVector v = vector(vectorNumber);
        boolean canBeShared = shareable;
        // x86: a level-triggered vector of a platform device's controller is registered shared (kIODTInterruptShared)
        boolean shouldBeShared = canBeShared
                && getInterruptType(vectorNumber) == InterruptControllers.kIOInterruptTypeLevel;
        boolean wasRegistered = v.registered;
        if (wasRegistered && !canBeShared) {
            return IOReturn.kIOReturnNoResources;
        }
        if (wasRegistered || shouldBeShared) {
            if (v.shared == null) {
                breakOut(v, wasRegistered);
            }
            return v.shared.registerInterrupt(nub, source, 0, handler);
        }
        v.handler = handler;
        v.nub = nub;
        v.source = source;
        v.disabledHard = true;
        v.disabledSoft = true;
        v.registered = true;
        return IOReturn.kIOReturnSuccess;
    }

    private void breakOut(IOInterruptVector v, boolean wasRegistered) {
        IOSharedInterruptController sh = new IOSharedInterruptController(platform, this, v.number);
        IORegistryEntry originalNub = v.nub;
        int originalSource = v.source;
        boolean wasDisabledSoft = !wasRegistered || v.disabledSoft;
        if (wasRegistered) {
            sh.registerInterrupt(originalNub, originalSource, 0, v.handler);
        }
        v.handler = sh.asHandler();
        v.nub = null;
        v.source = 0;
        v.shared = sh;
        v.disabledSoft = true;
        v.disabledHard = true;
        v.registered = true;
        platform.record(JournalKind.INTERRUPT_SHARE, entry, "controller", name, "vector", String.valueOf(v.number),
                "moved", wasRegistered ? platform.path(originalNub) + "#" + originalSource : "");
        if (!wasDisabledSoft) {
            platform.enableInterrupt(originalNub, originalSource);
        }
    }

    /** unregisterInterrupt: soft-disables the vector and clears it; an unregistered vector answers success. */
    int unregisterInterrupt(IORegistryEntry nub, int source, int vectorNumber) {
        IOInterruptVector v = vector(vectorNumber);
        if (v.registered) {
            v.disabledSoft = true;
            v.clear();
        }
        return IOReturn.kIOReturnSuccess;
    }

    /**
     * enableInterrupt (IC5): clears the soft disable and, if the line was off at the hardware, turns it on after an
     * OSSynchronizeIO barrier (U1); a pending assertion is delivered (IC6). Enabling twice is the same as once.
     */
    int enableInterrupt(IORegistryEntry nub, int source, int vectorNumber) {
        IOInterruptVector v = vector(vectorNumber);
        if (v.disabledSoft) {
            v.disabledSoft = false;
            if (v.disabledHard) {
                v.disabledHard = false;
                platform.synchronizeIO(entry, "IOInterruptController::enableInterrupt: vector data before the MMIO "
                        + "enable of vector " + vectorNumber);
            }
            if (v.pending && v.registered) {
                v.pending = false;
                deliver(v, true);
            }
        }
        return IOReturn.kIOReturnSuccess;
    }

    /** disableInterrupt (IC5): sets the soft disable only; the hardware line stays as it is. Not counted. */
    int disableInterrupt(IORegistryEntry nub, int source, int vectorNumber) {
        vector(vectorNumber).disabledSoft = true;
        return IOReturn.kIOReturnSuccess;
    }

    /**
     * The hardware asserts vector {@code n} (IC6): no handler → spurious; soft-disabled → latched pending (one,
     * however many arrive); otherwise the handler runs in primary interrupt context.
     */
    void lineAsserted(int n) {
        IOInterruptVector v = vectors.get(n);
        if (v == null || !v.registered) {
            platform.record(JournalKind.INTERRUPT_SPURIOUS, entry, "controller", name, "vector", String.valueOf(n));
            return;
        }
        if (v.disabledSoft) {
            v.pending = true;
            platform.record(JournalKind.INTERRUPT_MASKED, v.nub == null ? entry : v.nub, "controller", name,
                    "vector", String.valueOf(n));
            return;
        }
        deliver(v, false);
    }

    void deliver(IOInterruptVector v, boolean wasPending) {
        v.delivered++;
        platform.record(JournalKind.INTERRUPT_DISPATCH, v.nub == null ? entry : v.nub, "controller", name,
                "vector", String.valueOf(v.number), "handler", v.handler.name(), "pending", String.valueOf(wasPending));
        v.handler.interruptOccurred(v.nub, v.source);
    }

    /** What the workbench's interrupt tree shows of this controller. */
    public InterruptTree.Controller view() {
        List<InterruptTree.Vector> out = new ArrayList<>();
        for (IOInterruptVector v : vectors.values()) {
            if (!v.registered && !v.pending) {
                continue;
            }
            List<InterruptTree.Handler> hs = new ArrayList<>();
            if (v.shared != null) {
                hs.addAll(v.shared.handlers());
            } else if (v.handler != null) {
                hs.add(new InterruptTree.Handler(platform.path(v.nub), v.source, v.handler.name(), !v.disabledSoft,
                        -1));
            }
            out.add(new InterruptTree.Vector(v.number, getInterruptType(v.number) == InterruptControllers
                    .kIOInterruptTypeLevel ? "level" : "edge", !v.disabledSoft, v.pending, v.delivered,
                    v.shared != null, hs));
        }
        return new InterruptTree.Controller(name, entry == null ? "" : platform.path(entry), vectorCount, out);
    }
}
