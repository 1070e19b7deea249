package dev.ioscope.engine.sim;

import static dev.ioscope.engine.sim.ActionField.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.machine.MachineAction;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.power.PowerAction;
import dev.ioscope.engine.sim.locks.LockAction;
import dev.ioscope.engine.sim.streams.StreamAction;
import dev.ioscope.engine.spi.PluginLoader;
import dev.ioscope.engine.userclient.UserClientAction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The typed scenario-action vocabulary: one record per action, each documented with its fields, no action name
 * spelt as a string in main code, and every action's fields checked when the file is read.
 */
class ScenarioActionsTest {
    private static final Path REPO = TestData.root().getParent().getParent().getParent().getParent().getParent();
    /**
     * Literals that spell an action's name but mean something else, by file: the device tree's
     * {@code /chosen/memory-map} node (a real Mac's IODeviceTree has it) is not the {@code memory-map} action.
     */
    private static final Set<String> OTHER_MEANINGS = Set.of("PlatformModel.java \"memory-map\"");
    /** What declares an action: its ActionType. */
    private static final Pattern DECLARED = Pattern.compile("ActionType\\.of\\(\\s*\"([a-z-]+)\"");

    /** The engine's own actions: the core's and its extensions'. */
    private static List<ActionType<?>> engineTypes() {
        List<ActionType<?>> all = new ArrayList<>(CoreAction.TYPES);
        all.addAll(PowerAction.TYPES);
        all.addAll(UserClientAction.TYPES);
        all.addAll(MachineAction.TYPES);
        all.addAll(LockAction.TYPES);
        all.addAll(StreamAction.TYPES);
        return all;
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> roots = new ArrayList<>(List.of(REPO.resolve("engine/src/main/java"),
                REPO.resolve("app/src/main/java")));
        try (Stream<Path> plugins = Files.list(REPO.resolve("plugins"))) {
            plugins.map(p -> p.resolve("src/main/java")).filter(Files::isDirectory).forEach(roots::add);
        }
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** Every action name an ActionType declares in main code (the engine's and the plugins'). */
    private static Set<String> declared() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (Path p : mainSources()) {
            Matcher m = DECLARED.matcher(Files.readString(p));
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    @Test
    @DisplayName("each action has one lower-case hyphenated name, its record holds its fields, and the engine "
            + "extensions the plugin loader finds perform exactly the engine's actions")
    void namesAreUniqueAndTheLoaderFindsThem() throws IOException {
        Set<String> seen = new HashSet<>();
        for (ActionType<?> t : engineTypes()) {
            assertThat(t.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(seen.add(t.id())).as("duplicate " + t.id()).isTrue();
            assertThat(t.record().getRecordComponents()).hasSize(t.fields().size());
        }
        assertThat(declared()).containsAll(seen).contains("block-io");
        List<String> loaded = new ArrayList<>(Simulation.CORE_ACTIONS);
        try (PluginLoader loader = PluginLoader.load(List.of())) {
            loader.extensions().forEach(x -> x.types().forEach(t -> loaded.add(t.id())));
        }
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(seen);
    }

    @Test
    @DisplayName("every action, the engine's and the plugins', is a row of docs/scenarios.md naming all its fields")
    void everyActionIsDocumentedWithItsFields() throws IOException {
        List<String> rows = Files.readString(REPO.resolve("docs/scenarios.md")).lines()
                .filter(l -> l.startsWith("| `")).toList();
        List<String> missing = new ArrayList<>();
        for (String id : declared()) {
            String row = rows.stream().filter(r -> r.substring(0, r.indexOf('|', 1)).contains("`" + id + "`"))
                    .findFirst().orElse(null);
            if (row == null) {
                missing.add(id);
                continue;
            }
            engineTypes().stream().filter(t -> t.id().equals(id)).flatMap(t -> t.fields().stream())
                    .filter(f -> !row.contains("`" + f.json() + "`"))
                    .forEach(f -> missing.add(id + "." + f.json()));
        }
        assertThat(missing).isEmpty();
    }

    @Test
    @DisplayName("no main source spells an action's name as a string: code names the record, the ActionType the name")
    void noActionNameIsSpeltAsAString() throws IOException {
        Set<String> ids = declared();
        // a hyphenated name anywhere; a one-word name ("open", "lock", "sleep", also words of other vocabularies)
        // where code can only mean an action: a scenario.error's "action", or a comparison with an action's name
        Pattern literal = Pattern.compile("\"([a-z]+(?:-[a-z]+)+)\"|(?:\"action\", |type\\(\\)\\.equals\\("
                + "|actionName\\(\\)\\.equals\\()\"([a-z]+)\"");
        List<String> found = new ArrayList<>();
        int files = 0;
        for (Path p : mainSources()) {
            files++;
            String[] lines = Files.readString(p).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].strip();
                boolean declaration = l.contains("ActionType.of(") || i > 0 && lines[i - 1].strip()
                        .endsWith("ActionType.of(");
                if (declaration || l.startsWith("*") || l.startsWith("//") || l.startsWith("/**")) {
                    continue;
                }
                Matcher m = literal.matcher(l);
                while (m.find()) {
                    String id = m.group(1) != null ? m.group(1) : m.group(2);
                    if (ids.contains(id) && !OTHER_MEANINGS.contains(p.getFileName() + " " + m.group())) {
                        found.add(REPO.relativize(p) + ":" + (i + 1) + " " + m.group());
                    }
                }
            }
        }
        assertThat(files).as("sources scanned").isGreaterThan(300);
        assertThat(found).isEmpty();
    }

    /** A record whose components do not follow its fields. */
    record Misnamed(String pth) implements ScenarioAction {
        @Override
        public ActionType<?> actionType() {
            return null;
        }
    }

    @Test
    @DisplayName("an ActionType whose record does not hold its fields, by name and type, is refused when made")
    void aRecordMustHoldItsFields() {
        assertThatThrownBy(() -> ActionType.of("misnamed", Misnamed.class, text("path")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"path\"");
        assertThatThrownBy(() -> ActionType.of("misnamed", Misnamed.class, text("pth"), text("extra")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Scenario scenario(Path dir, String actions) throws Exception {
        Path f = Files.writeString(dir.resolve("s.json"), "{\"machine\": \"empty\", \"actions\": [" + actions + "]}");
        return Scenario.read(f);
    }

    private static Simulation simulate(Scenario s) throws Exception {
        try (PluginLoader loader = PluginLoader.load(List.of())) {
            return Simulation.of(s, Map.of(), loader.extensions());
        }
    }

    @Test
    @DisplayName("a file's actions become records: the core's when read, an extension's once its plugin is known")
    void actionsAreReadIntoTheirRecords(@TempDir Path dir) throws Exception {
        Scenario s = scenario(dir, "{\"at\": 5, \"do\": \"publish\", \"parent\": \"IOService:/\", \"name\": \"n\"},"
                + "{\"do\": \"tickle\", \"path\": \"IOService:/n\", \"state\": \"2\"}");
        assertThat(s.actions().get(0).op()).isEqualTo(new CoreAction.Publish("IOService:/", null, "n", null,
                OSDictionary.empty()));
        assertThat(s.actions().get(1).op()).isInstanceOf(ScenarioAction.Unread.class);
        Scenario typed;
        try (PluginLoader loader = PluginLoader.load(List.of())) {
            typed = Simulation.typed(s, loader.extensions());
        }
        assertThat(typed.actions().get(1).op()).isEqualTo(new PowerAction.Tickle("IOService:/n", JsonValue.of("2")));
        assertThat(typed.actions().get(1).at()).isZero();
    }

    @Test
    @DisplayName("an extension's action refuses a field it does not take and a path that is not a string")
    void extensionActionsAreChecked(@TempDir Path dir) throws Exception {
        Scenario typo = scenario(dir, "{\"do\": \"advance\"}, {\"at\": 3, \"do\": \"sleep\", \"reasn\": \"user\"}");
        assertThatThrownBy(() -> simulate(typo)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("s.json").hasMessageContaining("actions[1].reasn")
                .hasMessageContaining("\"sleep\" takes no field \"reasn\" (it takes: reason)");
        Scenario type = scenario(dir, "{\"do\": \"open\", \"path\": 5}");
        assertThatThrownBy(() -> simulate(type)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("actions[0].path: a string is expected, not 5");
        Scenario unknown = scenario(dir, "{\"do\": \"explode\"}");
        assertThatThrownBy(() -> simulate(unknown)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("actions[0]: unknown action \"explode\" (known: publish, terminate, ");
    }
}
