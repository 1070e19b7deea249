package dev.ioscope.engine.snapshot;

import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How deep a plane's links go, without recursion: the longest chain of parent-to-child links, found in one pass
 * over the links in topological order (Kahn), so a chain of a million entries costs a million steps and no stack.
 * The one measure every reader and writer applies with {@link ParseLimits#maxDepth()}, so whatever IOScope writes
 * it reads back: a reader refuses a deeper tree, and a writer refuses to write one.
 */
public final class RegistryDepth {
    /** The result for links that loop back on themselves. */
    public static final int CYCLE = -1;

    private RegistryDepth() {
    }

    /**
     * The number of links on the longest path from a node without parents, over {@code nodes} and their
     * {@code children} (children outside {@code nodes} are ignored); {@link #CYCLE} if the links make a cycle.
     */
    public static <T> int deepest(Collection<T> nodes, Function<T, ? extends Collection<T>> children) {
        Map<T, Integer> parents = new HashMap<>();
        for (T n : nodes) {
            parents.putIfAbsent(n, 0);
        }
        for (T n : nodes) {
            for (T c : children.apply(n)) {
                parents.computeIfPresent(c, (k, v) -> v + 1);
            }
        }
        Map<T, Integer> depth = new HashMap<>();
        ArrayDeque<T> ready = new ArrayDeque<>();
        for (T n : nodes) {
            if (parents.get(n) == 0 && depth.putIfAbsent(n, 0) == null) {
                ready.add(n);
            }
        }
        int deepest = 0;
        int done = 0;
        while (!ready.isEmpty()) {
            T n = ready.poll();
            done++;
            int d = depth.get(n);
            deepest = Math.max(deepest, d);
            for (T c : children.apply(n)) {
                Integer left = parents.computeIfPresent(c, (k, v) -> v - 1);
                if (left != null) {
                    depth.merge(c, d + 1, Math::max);
                    if (left == 0) {
                        ready.add(c);
                    }
                }
            }
        }
        return done < parents.size() ? CYCLE : deepest;
    }

    /** The longest chain of links in {@code plane}. */
    public static int deepest(IORegistry registry, IORegistryPlane plane) {
        List<IORegistryEntry> entries = registry.entries();
        return deepest(entries, e -> e.children(plane));
    }

    /** The first plane deeper than {@code limits} allow, with a sentence saying so, or empty. */
    public static Optional<String> tooDeep(IORegistry registry, ParseLimits limits) {
        for (IORegistryPlane plane : registry.planes()) {
            int d = deepest(registry, plane);
            if (d > limits.maxDepth()) {
                return Optional.of("the " + plane.name() + " plane is " + d + " levels deep, deeper than the "
                        + limits.maxDepth() + " levels IOScope reads");
            }
        }
        return Optional.empty();
    }
}
