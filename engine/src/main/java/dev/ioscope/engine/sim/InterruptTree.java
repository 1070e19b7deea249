package dev.ioscope.engine.sim;

import java.util.List;

/** An immutable picture of the machine's interrupt controllers, vectors and handlers (the workbench's tree). */
public final class InterruptTree {
    private InterruptTree() {
    }

    /** One controller: its name, its driver's path ("" when none), how many vectors it has, the ones in use. */
    public record Controller(String name, String path, int vectorCount, List<Vector> vectors) {
        public Controller {
            vectors = List.copyOf(vectors);
        }
    }

    /**
     * One vector in use: its number, "edge" or "level", whether enabled (not soft-disabled), whether an assertion is
     * pending, how many were delivered, whether it is shared, and its handlers (several when shared).
     */
    public record Vector(int number, String type, boolean enabled, boolean pending, long delivered, boolean shared,
                         List<Handler> handlers) {
        public Vector {
            handlers = List.copyOf(handlers);
        }
    }

    /** A handler: the nub and interrupt index it registered for, its name, whether enabled, its shared sub-vector. */
    public record Handler(String nub, int index, String name, boolean enabled, int subVector) {
    }
}
