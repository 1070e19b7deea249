package dev.ioscope.engine.spi;

import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.ActionType;
import dev.ioscope.engine.sim.SimulationExtension;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The one place that calls {@link ServiceLoader}: finds everything a plugin contributes — hardware families
 * ({@link HardwareFamily}) and scenario actions ({@link SimulationExtension}) — on the class path and in plugin jars
 * (the user folder {@link #userPluginsFolder()}, i.e. {@code ~/.ioscope/plugins}, or
 * a folder named with {@code --plugins DIR}). Each external jar gets its own {@link URLClassLoader}, closed by
 * {@link #close()}. A jar or provider that fails to load is listed in {@link #failures()} with its error and
 * skipped; the others still load.
 *
 * <p>Order is deterministic: built-in families in class-path order, then jars sorted by file name. A family id
 * already loaded (the same plugin twice) is reported and the later copy skipped.
 */
public final class PluginLoader implements AutoCloseable {
    /** Where a loaded family came from. */
    public record Loaded(HardwareFamily family, FamilyInfo info, String source) {
    }

    /** A plugin that could not be loaded: the jar (or "class path") and the error in words. */
    public record Failure(String source, String error) {
    }

    private final List<Loaded> loaded = new ArrayList<>();
    private final List<SimulationExtension> extensions = new ArrayList<>();
    private final Set<String> actions = new LinkedHashSet<>(Simulation.CORE_ACTIONS);
    private final List<Failure> failures = new ArrayList<>();
    private final List<URLClassLoader> loaders = new ArrayList<>();
    private final Set<String> ids = new LinkedHashSet<>();

    /** {@code ~/.ioscope/plugins} (from the user.home system property). */
    public static Path userPluginsFolder() {
        return Path.of(System.getProperty("user.home"), ".ioscope", "plugins");
    }

    /** Built-in families plus the jars of the given folders (missing folders are simply empty). */
    public static PluginLoader load(List<Path> folders) {
        PluginLoader pl = new PluginLoader();
        ClassLoader engine = PluginLoader.class.getClassLoader();
        pl.loadFamilies(ServiceLoader.load(HardwareFamily.class, engine), "class path", f -> true);
        pl.loadExtensions(ServiceLoader.load(SimulationExtension.class, engine), "class path", x -> true);
        for (Path folder : folders) {
            pl.loadFolder(folder);
        }
        return pl;
    }

    /** Built-in families, the user folder, and {@code extra} (e.g. the --plugins folder) when not null. */
    public static PluginLoader standard(Path extra) {
        List<Path> folders = new ArrayList<>();
        folders.add(userPluginsFolder());
        if (extra != null) {
            folders.add(extra);
        }
        return load(folders);
    }

    private void loadFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> jars;
        try (Stream<Path> s = Files.list(folder)) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            failures.add(new Failure(folder.toString(), "cannot list plugins folder: " + e.getMessage()));
            return;
        }
        for (Path jar : jars) {
            loadJar(jar);
        }
    }

    private void loadJar(Path jar) {
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            failures.add(new Failure(jar.toString(), e.toString()));
            return;
        }
        // Parent is the engine's loader: a plugin sees the SPI and the engine, never another plugin's classes.
        URLClassLoader cl = new URLClassLoader("plugin:" + jar.getFileName(), new URL[]{url},
                PluginLoader.class.getClassLoader());
        loaders.add(cl);
        int before = loaded.size() + extensions.size();
        int failedBefore = failures.size();
        // ServiceLoader.load(…, cl) would also see the parent's (built-in) providers; only this jar's count.
        loadFamilies(ServiceLoader.load(HardwareFamily.class, cl), jar.toString(),
                f -> f.getClass().getClassLoader() == cl);
        loadExtensions(ServiceLoader.load(SimulationExtension.class, cl), jar.toString(),
                x -> x.getClass().getClassLoader() == cl);
        if (loaded.size() + extensions.size() == before && failures.size() == failedBefore) {
            failures.add(new Failure(jar.toString(), "no " + HardwareFamily.class.getName() + " or "
                    + SimulationExtension.class.getName() + " provider in META-INF/services"));
        }
    }

    /**
     * The providers {@code sl} can instantiate, in its order; one that cannot (a broken provider line, a missing
     * class, a constructor that throws) is reported once, with the provider's name, and the rest still load.
     */
    private <T> List<T> providers(ServiceLoader<T> sl, String source, Predicate<T> mine) {
        List<T> out = new ArrayList<>();
        Iterator<T> it = sl.iterator();
        int errors = 0;
        while (true) {
            T p;
            try {
                if (!it.hasNext()) {
                    return out;
                }
                p = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // A broken provider line or class: report it; the iterator moves on to the next provider.
                failures.add(new Failure(source, describe(e)));
                if (++errors > 64) {
                    return out; // a provider file whose every line fails: stop rather than loop on it
                }
                continue;
            }
            if (mine.test(p)) {
                out.add(p);
            }
        }
    }

    /**
     * Scenario-action extensions of one source, sorted by class name (so a simulation rebuilt by Replay gets the
     * same extensions in the same order). One whose {@code types()} throws, or that claims an action another
     * one already performs, is reported and skipped.
     */
    private void loadExtensions(ServiceLoader<SimulationExtension> sl, String source,
                                Predicate<SimulationExtension> mine) {
        List<SimulationExtension> found = new ArrayList<>(providers(sl, source, mine));
        found.sort(Comparator.comparing(x -> x.getClass().getName()));
        for (SimulationExtension x : found) {
            String name = x.getClass().getName();
            List<String> its;
            try {
                its = x.types().stream().map(ActionType::id).toList();
            } catch (RuntimeException | LinkageError e) {
                failures.add(new Failure(source, name + ".types() failed: " + describe(e)));
                continue;
            }
            List<String> taken = its.stream().filter(actions::contains).toList();
            if (!taken.isEmpty()) {
                failures.add(new Failure(source, name + ": scenario action \"" + taken.get(0)
                        + "\" is already performed by another extension; this one is skipped"));
                continue;
            }
            actions.addAll(its);
            extensions.add(x);
        }
    }

    private void loadFamilies(ServiceLoader<HardwareFamily> sl, String source, Predicate<HardwareFamily> mine) {
        for (HardwareFamily f : providers(sl, source, mine)) {
            FamilyInfo info;
            try {
                info = f.info();
            } catch (RuntimeException | LinkageError e) {
                failures.add(new Failure(source, f.getClass().getName() + ".info() failed: " + describe(e)));
                continue;
            }
            if (info == null || !ids.add(info.id())) {
                failures.add(new Failure(source, info == null ? f.getClass().getName() + ".info() returned null"
                        : "family \"" + info.id() + "\" is already loaded; this copy is skipped"));
                continue;
            }
            loaded.add(new Loaded(f, info, source));
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.toString());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append("; caused by ").append(c);
        }
        return sb.toString();
    }

    /** The families that loaded, in load order. */
    public List<Loaded> loaded() {
        return List.copyOf(loaded);
    }

    public List<HardwareFamily> families() {
        return loaded.stream().map(Loaded::family).toList();
    }

    /** The scenario-action extensions that loaded: the class path's, then each jar's, each sorted by class name. */
    public List<SimulationExtension> extensions() {
        return List.copyOf(extensions);
    }

    /** Every scenario action a simulation built with {@link #extensions()} performs: the core's, then theirs. */
    public List<String> actions() {
        return List.copyOf(actions);
    }

    /**
     * The class path's scenario-action extensions (the engine's own and the built-in plugins'), found once:
     * what a simulation gets when no plugin folder is named.
     */
    public static List<SimulationExtension> builtInExtensions() {
        return BuiltIn.EXTENSIONS;
    }

    /** Lazily, on first use: a provider that fails is left out here and reported by every {@link #load}. */
    private static final class BuiltIn {
        static final List<SimulationExtension> EXTENSIONS = load(List.of()).extensions();
    }

    /** Plugins that failed to load, with their errors. */
    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Closes every plugin jar's class loader. */
    @Override
    public void close() {
        for (URLClassLoader cl : loaders) {
            try {
                cl.close();
            } catch (IOException e) {
                failures.add(new Failure(cl.getName(), "close failed: " + e.getMessage()));
            }
        }
        loaders.clear();
    }
}
