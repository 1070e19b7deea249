package dev.ioscope.engine.userclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodTableJsonTest {
    private static final String JSON = """
            {"userClient": "IOScopeDemoUserClient",
             "methods": [
               {"selector": 1, "name": "echo", "structureInput": "variable", "structureOutput": "variable",
                "doc": "copies the input structure back"},
               {"selector": 0, "name": "add", "scalarInputs": 2, "scalarOutputs": 1, "doc": "a + b"},
               {"selector": 2, "name": "poke", "async": true, "entitlement": "com.example.poke", "extra": [1, 2]}
             ]}
            """;

    @Test
    void readsSortsBySelectorAndMapsVariable() throws Exception {
        MethodTableJson.MethodTable t = MethodTableJson.read(JSON.getBytes(StandardCharsets.UTF_8), "demo.json");
        assertThat(t.userClient()).isEqualTo("IOScopeDemoUserClient");
        assertThat(t.methods()).extracting(MethodDescription::name).containsExactly("add", "echo", "poke");
        MethodDescription echo = t.methods().get(1);
        assertThat(echo.structureInputSize()).isEqualTo(IOExternalMethodDispatch.kIOUCVariableStructureSize);
        assertThat(t.methods().get(0).scalarInputs()).isEqualTo(2);
        assertThat(t.methods().get(2).async()).isTrue();
        IOExternalMethodDispatch row = t.methods().get(0).toDispatch((a, b, c) -> 0);
        assertThat(row.checkScalarOutputCount()).isEqualTo(1);
        assertThat(row.allowAsync()).isFalse();
    }

    @Test
    void writeThenReadGivesTheSameTable() throws Exception {
        MethodTableJson.MethodTable t = MethodTableJson.read(JSON.getBytes(StandardCharsets.UTF_8), "demo.json");
        byte[] out = MethodTableJson.write(t);
        assertThat(new String(out, StandardCharsets.UTF_8)).contains("\"structureInput\" : \"variable\"");
        assertThat(MethodTableJson.read(out, "again.json")).isEqualTo(t);
    }

    @Test
    void errorsNameTheSourceAndPlace() {
        assertThatThrownBy(() -> MethodTableJson.read("""
                {"methods": [
                  {"selector": 0, "name": "a", "scalarInputs": -1}]}""".getBytes(StandardCharsets.UTF_8), "bad.json"))
                .hasMessageStartingWith("bad.json:2:").hasMessageContaining("-1 is outside");
        assertThatThrownBy(() -> MethodTableJson.read("""
                {"methods": [{"selector": 0, "name": "a"}, {"selector": 2, "name": "b"}]}"""
                .getBytes(StandardCharsets.UTF_8), "gap.json")).hasMessageContaining("selector 2");
        assertThatThrownBy(() -> MethodTableJson.read("{\"methods\": [{\"name\": \"a\"}]}"
                .getBytes(StandardCharsets.UTF_8), "x.json")).hasMessageContaining("needs \"selector\"");
        assertThatThrownBy(() -> MethodTableJson.read("{\"methods\": [".getBytes(StandardCharsets.UTF_8), "t.json"))
                .isInstanceOf(MethodTableJson.MethodTableException.class).hasMessageStartingWith("t.json:1:");
        assertThatThrownBy(() -> MethodTableJson.read("[]".getBytes(StandardCharsets.UTF_8), "a.json"))
                .hasMessageContaining("expected an object");
    }

    @Test
    void theDemoTableDescribesTheDemoDriver() throws Exception {
        List<MethodDescription> d = List.of(
                new MethodDescription(0, "add", 2, 0, 1, 0, true, null, "a + b"));
        IOExternalMethodDispatch row = d.get(0).toDispatch(DemoUserClient.TABLE.get(0).function());
        assertThat(row).isEqualTo(DemoUserClient.TABLE.get(0));
    }

    /**
     * docs/examples/demo-userclient.methods.json describes DemoUserClient's table row for row, then the two rows on
     * the demo's memory (enqueue, fill: DemoTableUserClient, tested in UserClientScenarioTest).
     */
    @Test
    void theExampleFileDescribesTheDemoTableExactly() throws Exception {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/examples/demo-userclient.methods.json"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/examples above the working directory").isNotNull();
        Path file = dir.resolve("docs/examples/demo-userclient.methods.json");
        MethodTableJson.MethodTable t = MethodTableJson.read(Files.readAllBytes(file), file.toString());
        assertThat(t.methods()).hasSize(DemoUserClient.TABLE.size() + 2);
        assertThat(t.methods().subList(DemoUserClient.TABLE.size(), t.methods().size()))
                .extracting(MethodDescription::name).containsExactly("enqueue", "fill");
        for (MethodDescription m : t.methods().subList(0, DemoUserClient.TABLE.size())) {
            IOExternalMethodDispatch row = DemoUserClient.TABLE.get(m.selector());
            assertThat(m.toDispatch(row.function())).as(m.name()).isEqualTo(row);
        }
        assertThat(MethodTableJson.write(t)).isEqualTo(Files.readAllBytes(file));
    }
}
