package dev.ioscope.engine.sim;

import dev.ioscope.engine.io.SnapshotException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each scenario field is checked with the file, the action index and the field (issue 17, item 10). */
class ScenarioValidationTest {
    @TempDir
    Path dir;

    private Path scenario(String json) throws Exception {
        return Files.writeString(dir.resolve("s.json"), json);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"do\": \"advance\", \"at\": \"5\"}                    | actions[0].at: a whole number of at least 0 is "
                + "expected, not \"5\"",
        "{\"do\": \"advance\", \"at\": -1}                       | actions[0].at: a whole number of at least 0 is "
                + "expected, not -1",
        "{\"do\": \"advance\", \"at\": 1.5}                      | actions[0].at: a whole number of at least 0 is "
                + "expected, not 1.5",
        "{\"do\": 7}                                             | actions[0].do: the action's name is a string, not 7",
        "{\"do\": \"publish\", \"parent\": 3}                    | actions[0].parent: a string is expected, not 3",
        "{\"do\": \"publish\", \"parent\": \"/\", \"properties\": [1]} | actions[0].properties: a JSON object is "
                + "expected, not [1]",
        "{\"do\": \"raise-interrupt\", \"path\": \"x\", \"index\": true} | actions[0].index: a whole number of at "
                + "least 0 is expected, not true",
        "{\"do\": \"remove-notification\", \"id\": \"0\"}         | actions[0].id: a whole number of at least 0 is "
                + "expected, not \"0\"",
        "{\"do\": \"terminate\", \"pth\": \"x\"}                  | actions[0].pth: \"terminate\" takes no field "
                + "\"pth\" (it takes: path)",
        "{\"do\": \"dext-crash\", \"server\": 1}                | actions[0].server: a string is expected, not 1",
        "{\"do\": \"dext-crash\", \"name\": \"x\"}               | actions[0].name: \"dext-crash\" takes no field "
                + "\"name\" (it takes: server)",
    })
    void aWrongFieldNamesTheFileTheActionAndTheField(String action, String message) throws Exception {
        Path f = scenario("{\"actions\": [" + action + "]}");
        assertThatThrownBy(() -> Scenario.read(f)).isInstanceOf(SnapshotException.class)
                .hasMessage(f + ": " + message);
    }

    @Test
    void topLevelFieldsAreTypedToo() throws Exception {
        Path f = scenario("{\"kexts\": [\"a.kext\", 3]}");
        assertThatThrownBy(() -> Scenario.read(f)).hasMessage(f + ": kexts[1]: a path string is expected, not 3");
        Path g = scenario("{\"maxSteps\": \"many\"}");
        assertThatThrownBy(() -> Scenario.read(g))
                .hasMessage(g + ": maxSteps: a whole number of at least 0 is expected, not \"many\"");
        Path h = scenario("{\"actions\": {\"do\": \"advance\"}}");
        assertThatThrownBy(() -> Scenario.read(h)).hasMessageStartingWith(h + ": actions: an array of actions");
    }

    @Test
    void wellTypedActionsAreRead() throws Exception {
        Path f = scenario("""
                {"actions": [{"do": "publish", "at": 5, "parent": "IOService:/", "class": "IOService",
                  "properties": {"a": 1}, "doc": "why"},
                  {"do": "raise-interrupt", "path": "IOService:/x", "index": 0},
                  {"do": "remove-notification", "id": 2}]}""");
        Scenario s = Scenario.read(f);
        assertThat(s.actions()).extracting(Scenario.Action::type)
                .containsExactly("publish", "raise-interrupt", "remove-notification");
        assertThat(s.actions().get(0).at()).isEqualTo(5);
    }
}
