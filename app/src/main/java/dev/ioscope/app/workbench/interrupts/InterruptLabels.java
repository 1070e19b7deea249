package dev.ioscope.app.workbench.interrupts;

import dev.ioscope.engine.sim.InterruptTree;

/** The words the interrupt tree shows for a controller, a vector and a handler (no scene graph: testable). */
public final class InterruptLabels {
    private InterruptLabels() {
    }

    /** {@code io-apic-0  (24 vectors, 2 in use)  IOService:/…}. */
    public static String controller(InterruptTree.Controller c) {
        return c.name() + "  (" + c.vectorCount() + " vectors, " + c.vectors().size() + " in use)"
                + (c.path().isEmpty() ? "" : "  " + c.path());
    }

    /** {@code vector 16  level  shared  disabled  pending  delivered 3}. */
    public static String vector(InterruptTree.Vector v) {
        StringBuilder sb = new StringBuilder("vector ").append(v.number()).append("  ").append(v.type());
        if (v.shared()) {
            sb.append("  shared");
        }
        sb.append(v.enabled() ? "  enabled" : "  disabled");
        if (v.pending()) {
            sb.append("  pending");
        }
        return sb.append("  delivered ").append(v.delivered()).toString();
    }

    /** {@code [1] irq0 ← IOService:/widget@2 #0  disabled}. */
    public static String handler(InterruptTree.Handler h) {
        return (h.subVector() < 0 ? "" : "[" + h.subVector() + "] ") + h.name() + " ← " + h.nub() + " #" + h.index()
                + (h.enabled() ? "" : "  disabled");
    }
}
