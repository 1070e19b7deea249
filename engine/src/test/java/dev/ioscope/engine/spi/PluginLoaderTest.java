package dev.ioscope.engine.spi;

import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.SimulationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.ArrayList;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plugin jars dropped into a plugins folder: built here from source (javax.tools) into a @TempDir, so their
 * classes are on no class path but the jar's own loader.
 */
class PluginLoaderTest {
    private static final String SERVICE = "META-INF/services/" + HardwareFamily.class.getName();

    @TempDir
    Path dir;

    /** Compiles {@code sources} (class name → source) against the test class path and jars them. */
    private Path jar(String jarName, Map<String, String> sources, String serviceFile) throws IOException {
        return jar(jarName, sources, serviceFile == null ? Map.of() : Map.of(SERVICE, serviceFile));
    }

    /** The same, with any service files (resource name → content). */
    private Path jar(String jarName, Map<String, String> sources, Map<String, String> services) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src-" + jarName));
        Path out = Files.createDirectories(dir.resolve("out-" + jarName));
        for (var e : sources.entrySet()) {
            Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        if (!sources.isEmpty()) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp",
                    System.getProperty("java.class.path")));
            try (var files = Files.walk(src)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            }
            int rc = javac.run(null, null, null, args.toArray(String[]::new));
            assertThat(rc).as("javac").isZero();
        }
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = plugins.resolve(jarName);
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            try (var files = Files.walk(out)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    j.putNextEntry(new JarEntry(out.relativize(p).toString().replace('\\', '/')));
                    j.write(Files.readAllBytes(p));
                    j.closeEntry();
                }
            }
            for (var service : new TreeMap<>(services).entrySet()) {
                j.putNextEntry(new JarEntry(service.getKey()));
                j.write(service.getValue().getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return jar;
    }

    private static String family(String pkg, String cls, String id, String registerBody) {
        return """
                package %s;
                import dev.ioscope.engine.spi.*;
                public final class %s implements HardwareFamily {
                    public FamilyInfo info() { return new FamilyInfo("%s", "%s family", "1", "test"); }
                    public void register(FamilyContext ctx) { %s }
                }
                """.formatted(pkg, cls, id, id, registerBody);
    }

    @Test
    void aJarDroppedIntoThePluginsFolderIsPickedUpWithItsOwnClassLoader() throws Exception {
        jar("good.jar", Map.of("acme.GoodFamily", family("acme", "GoodFamily", "acme",
                "ctx.classEntry(\"AcmeWidget\", \"IOService\");")), "acme.GoodFamily\n");
        try (PluginLoader pl = PluginLoader.load(List.of(dir.resolve("plugins")))) {
            assertThat(pl.failures()).isEmpty();
            PluginLoader.Loaded l = pl.loaded().stream().filter(x -> x.info().id().equals("acme")).findFirst()
                    .orElseThrow();
            assertThat(l.source()).endsWith("good.jar");
            assertThat(l.family().getClass().getClassLoader()).isNotSameAs(PluginLoader.class.getClassLoader());
            Contributions c = Contributions.of(pl.families());
            assertThat(c.classes()).contains(new Contributions.ClassEntry("AcmeWidget", "IOService"));
        }
    }

    @Test
    void brokenJarsAreReportedAndSkippedWhileTheOthersLoad() throws Exception {
        jar("a-missing-class.jar", Map.of(), "acme.NoSuchFamily\n");
        jar("b-good.jar", Map.of("acme.GoodFamily", family("acme", "GoodFamily", "acme", "")), "acme.GoodFamily\n");
        jar("c-no-service.jar", Map.of("acme.Lonely", "package acme; public class Lonely {}"), Map.of());
        Files.write(dir.resolve("plugins").resolve("d-not-a-zip.jar"), new byte[]{1, 2, 3, 4});
        jar("e-bad-info.jar", Map.of("acme.BadInfo", """
                package acme;
                import dev.ioscope.engine.spi.*;
                public final class BadInfo implements HardwareFamily {
                    public FamilyInfo info() { throw new IllegalStateException("no info today"); }
                    public void register(FamilyContext ctx) { }
                }
                """), "acme.BadInfo\n");
        try (PluginLoader pl = PluginLoader.load(List.of(dir.resolve("plugins")))) {
            assertThat(pl.loaded()).extracting(l -> l.info().id()).contains("acme");
            assertThat(pl.failures()).extracting(PluginLoader.Failure::source)
                    .anyMatch(s -> s.endsWith("a-missing-class.jar"))
                    .anyMatch(s -> s.endsWith("c-no-service.jar"))
                    .anyMatch(s -> s.endsWith("d-not-a-zip.jar"))
                    .anyMatch(s -> s.endsWith("e-bad-info.jar"));
            assertThat(pl.failures()).filteredOn(f -> f.source().endsWith("a-missing-class.jar"))
                    .first().extracting(PluginLoader.Failure::error).asString().contains("acme.NoSuchFamily");
            assertThat(pl.failures()).filteredOn(f -> f.source().endsWith("e-bad-info.jar"))
                    .first().extracting(PluginLoader.Failure::error).asString().contains("no info today");
        }
    }

    @Test
    void aFamilyWhoseRegisterThrowsIsReportedAndItsPartialContributionsDropped() throws Exception {
        jar("thrower.jar", Map.of("acme.Thrower", family("acme", "Thrower", "thrower",
                "ctx.classEntry(\"Half\", \"IOService\"); throw new IllegalStateException(\"boom\");")),
                "acme.Thrower\n");
        try (PluginLoader pl = PluginLoader.load(List.of(dir.resolve("plugins")))) {
            Contributions c = Contributions.of(pl.families());
            assertThat(c.problems()).anyMatch(p -> p.contains("acme.Thrower") && p.contains("boom"));
            assertThat(c.classes()).noneMatch(e -> e.className().equals("Half"));
        }
    }

    @Test
    void theSameFamilyTwiceIsReportedOnce() throws Exception {
        jar("one.jar", Map.of("acme.GoodFamily", family("acme", "GoodFamily", "acme", "")), "acme.GoodFamily\n");
        jar("two.jar", Map.of("acme.GoodFamily", family("acme", "GoodFamily", "acme", "")), "acme.GoodFamily\n");
        try (PluginLoader pl = PluginLoader.load(List.of(dir.resolve("plugins")))) {
            assertThat(pl.loaded()).filteredOn(l -> l.info().id().equals("acme")).hasSize(1);
            assertThat(pl.failures()).anyMatch(f -> f.source().endsWith("two.jar") && f.error().contains("already"));
        }
    }

    /** A scenario action "beep" that writes one journal event, and an extension whose constructor throws. */
    private Path beepJar() throws IOException {
        return jar("beep.jar", Map.of("acme.Beep", """
                package acme;
                import dev.ioscope.engine.journal.*;
                import dev.ioscope.engine.sim.*;
                import java.util.List;
                public final class Beep implements SimulationExtension {
                    enum Kind implements EventKind {
                        BEEP;
                        public String id() { return "acme.beep"; }
                    }
                    public record Times(JsonValue times) implements ScenarioAction {
                        static final ActionType<Times> TYPE = ActionType.of("beep", Times.class,
                                ActionField.json("times"));
                        public ActionType<Times> actionType() { return TYPE; }
                    }
                    public List<ActionType<?>> types() { return List.of(Times.TYPE); }
                    public Instance install(Simulation sim) {
                        return a -> sim.record(Kind.BEEP, "", "times", ((Times) a.op()).times().text());
                    }
                }
                """, "acme.Broken", """
                package acme;
                import dev.ioscope.engine.journal.*;
                import dev.ioscope.engine.sim.*;
                import java.util.List;
                public final class Broken implements SimulationExtension {
                    public Broken() { throw new IllegalStateException("broken on purpose"); }
                    public List<ActionType<?>> types() { return List.of(); }
                    public Instance install(Simulation sim) { return a -> { }; }
                }
                """), Map.of("META-INF/services/" + SimulationExtension.class.getName(), "acme.Broken\nacme.Beep\n"));
    }

    @Test
    void aJarsScenarioActionLoadsThroughThePluginLoaderAndAThrowingProviderIsReportedOnce() throws Exception {
        beepJar();
        try (PluginLoader pl = PluginLoader.load(List.of(dir.resolve("plugins")))) {
            // the throwing provider is reported once, with its name; the rest of the jar and the built-ins load
            assertThat(pl.failures()).hasSize(1);
            assertThat(pl.failures().get(0).source()).endsWith("beep.jar");
            assertThat(pl.failures().get(0).error()).contains("acme.Broken").contains("broken on purpose");
            assertThat(pl.extensions()).extracting(x -> x.getClass().getName())
                    .containsAll(PluginLoader.builtInExtensions().stream().map(x -> x.getClass().getName()).toList())
                    .contains("acme.Beep").doesNotContain("acme.Broken");
            assertThat(pl.extensions().get(pl.extensions().size() - 1).getClass().getName()).isEqualTo("acme.Beep");
            assertThat(pl.actions()).contains("beep", "publish").doesNotContain("break");

            Path s = Files.writeString(dir.resolve("s.json"),
                    "{\"machine\":\"empty\",\"actions\":[{\"at\":5,\"do\":\"beep\",\"times\":\"3\"}]}");
            Simulation sim = Simulation.of(Scenario.read(s), Map.of(), pl.extensions());
            sim.runUntilQuiet();
            assertThat(sim.journal()).anyMatch(e -> e.kind().id().equals("acme.beep")
                    && e.details().get("times").equals("3"));
            // without the jar the same scenario names an action nobody performs: one clear error
            assertThatThrownBy(() -> Simulation.of(Scenario.read(s), Map.of(), PluginLoader.builtInExtensions()))
                    .isInstanceOf(SnapshotException.class)
                    .hasMessageContaining("s.json").hasMessageContaining("actions[0]")
                    .hasMessageContaining("unknown action \"beep\"");
        }
    }

    @Test
    void anExtensionClaimingAnActionAlreadyPerformedIsReportedAndSkipped() throws Exception {
        jar("twice.jar", Map.of("acme.Publish", """
                package acme;
                import dev.ioscope.engine.journal.*;
                import dev.ioscope.engine.sim.*;
                import java.util.List;
                public final class Publish implements SimulationExtension {
                    public List<ActionType<?>> types() { return List.of(CoreAction.Publish.TYPE); }
                    public Instance install(Simulation sim) { return a -> { }; }
                }
                """), Map.of("META-INF/services/" + SimulationExtension.class.getName(), "acme.Publish\n"));
        try (PluginLoader pl = PluginLoader.load(List.of(dir.resolve("plugins")))) {
            assertThat(pl.extensions()).noneMatch(x -> x.getClass().getName().equals("acme.Publish"));
            assertThat(pl.failures()).singleElement().satisfies(f -> assertThat(f.error())
                    .contains("acme.Publish").contains("\"publish\"").contains("already performed"));
        }
    }

    @Test
    void aMissingFolderIsEmptyNotAnError() {
        try (PluginLoader pl = PluginLoader.load(List.of(dir.resolve("nope")))) {
            assertThat(pl.failures()).isEmpty();
        }
    }

}
