package dev.ioscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user plugin jar that adds a scenario action: {@code ioscope run --plugins DIR} loads it through the one plugin
 * loader and the scenario runs it; without the folder the action is unknown (bad input, exit 2).
 */
class RunPluginActionTest {
    private static final String BEEP = """
            package acme;
            import dev.ioscope.engine.sim.*;
            import java.util.List;
            public final class Beep implements SimulationExtension {
                public record Times(JsonValue times) implements ScenarioAction {
                    static final ActionType<Times> TYPE = ActionType.of("beep", Times.class, ActionField.json("times"));
                    public ActionType<Times> actionType() { return TYPE; }
                }
                public List<ActionType<?>> types() { return List.of(Times.TYPE); }
                public Instance install(Simulation sim) {
                    return a -> sim.record(() -> "acme.beep", "", "times", ((Times) a.op()).times().text());
                }
            }
            """;

    @Test
    void aUserPluginJarAddsAScenarioActionThatRunPerforms(@TempDir Path dir) throws Exception {
        Path plugins = beepJar(dir);
        Path s = Files.writeString(dir.resolve("s.json"),
                "{\"machine\":\"empty\",\"actions\":[{\"at\":5,\"do\":\"beep\",\"times\":\"3\"}]}");

        CliTest.Result r = CliTest.run("run", s.toString(), "--json", "--plugins", plugins.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("not loaded");
        assertThat(r.out()).contains("\"kind\":\"acme.beep\"").contains("\"times\":\"3\"");

        CliTest.Result without = CliTest.run("run", s.toString());
        assertThat(without.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(without.err()).contains("s.json").contains("actions[0]").contains("unknown action \"beep\"");
    }

    /** Compiles {@link #BEEP} against the test class path into {@code plugins/beep.jar} with its service file. */
    private static Path beepJar(Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/acme"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(src.resolve("Beep.java"), BEEP);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                src.resolve("Beep.java").toString());
        assertThat(rc).as("javac").isZero();
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(plugins.resolve("beep.jar")))) {
            try (Stream<Path> classes = Files.list(out.resolve("acme"))) {
                for (Path c : classes.sorted().toList()) {   // Beep and its action record, Beep$Times
                    j.putNextEntry(new JarEntry("acme/" + c.getFileName()));
                    j.write(Files.readAllBytes(c));
                    j.closeEntry();
                }
            }
            j.putNextEntry(new JarEntry("META-INF/services/dev.ioscope.engine.sim.SimulationExtension"));
            j.write("acme.Beep\n".getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return plugins;
    }
}
