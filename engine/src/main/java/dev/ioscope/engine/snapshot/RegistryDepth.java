package dev.ioscope.engine.snapshot;

import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.ArrayList;
import java.util.Arrays;
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
        // nodes numbered once; then plain int arrays (a load's cold path: no boxing, no per-node map updates)
        Map<T, Integer> index = new HashMap<>(nodes.size() * 4 / 3 + 1);
        List<T> unique = new ArrayList<>(nodes.size());
        for (T n : nodes) {
            if (index.putIfAbsent(n, unique.size()) == null) {
                unique.add(n);
            }
        }
        int count = unique.size();
        int[][] links = new int[count][];
        int[] parents = new int[count];
        for (int i = 0; i < count; i++) {
            Collection<T> cs = children.apply(unique.get(i));
            int[] to = new int[cs.size()];
            int k = 0;
            for (T c : cs) {
                Integer j = index.get(c);
                if (j != null) {
                    to[k++] = j;
                    parents[j]++;
                }
            }
            links[i] = k == to.length ? to : Arrays.copyOf(to, k);
        }
        int[] depth = new int[count];
        int[] ready = new int[count];
        int tail = 0;
        for (int i = 0; i < count; i++) {
            if (parents[i] == 0) {
                ready[tail++] = i;
            }
        }
        int deepest = 0;
        for (int head = 0; head < tail; head++) {
            int n = ready[head];
            int d = depth[n];
            deepest = Math.max(deepest, d);
            for (int c : links[n]) {
                depth[c] = Math.max(depth[c], d + 1);
                if (--parents[c] == 0) {
                    ready[tail++] = c;
                }
            }
        }
        return tail < count ? CYCLE : deepest;
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
