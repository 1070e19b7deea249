package dev.ioscope.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioscope.engine.iokit.IOMessage;
import dev.ioscope.engine.spi.PluginLoader;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The life-cycle actions' bad inputs and edges (docs/scenarios.md): each is one scenario.error and the run goes on.
 * The rules' positive facts are the conformance folders (engine/src/test/resources/conformance).
 */
class LifeCycleActionsTest {
    private static final String PUBLISH =
            "{\"at\":1000,\"do\":\"publish\",\"parent\":\"IOService:/\",\"name\":\"widget\"}";

    private static List<String> journal(Path dir, String... actions) throws Exception {
        Simulation sim = Simulation.of(Scenario.read(SimulationTest.scenario(dir, String.join(",", actions))),
                Map.of(), PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        return sim.journal().stream().map(e -> e.kind().id() + " " + e.entry() + " " + e.details()).toList();
    }

    private static List<String> errors(List<String> journal) {
        return journal.stream().filter(l -> l.startsWith("scenario.error")).toList();
    }

    @Test
    @DisplayName("L4: interest on an inactive service is kIOReturnNotReady; unknown types and messages are refused")
    void l4RefusedInterestAndMessages(@TempDir Path dir) throws Exception {
        List<String> j = journal(dir, PUBLISH,
                "{\"at\":5000,\"do\":\"register-interest\",\"path\":\"IOService:/widget\","
                        + "\"type\":\"IOBogusInterest\"}",
                "{\"at\":5000,\"do\":\"register-interest\",\"path\":\"IOService:/widget\","
                        + "\"type\":\"IOBusyInterest\"}",
                "{\"at\":5000,\"do\":\"message-clients\",\"path\":\"IOService:/widget\","
                        + "\"message\":\"kIOMessageNope\"}",
                "{\"at\":6000,\"do\":\"terminate\",\"path\":\"IOService:/widget\"}",
                "{\"at\":6000,\"do\":\"register-interest\",\"path\":\"IOService:/widget\"}",
                "{\"at\":7000,\"do\":\"remove-interest\",\"id\":4}");
        assertThat(errors(j)).hasSize(5);
        assertThat(errors(j).get(0)).contains("kIOReturnBadArgument");
        assertThat(errors(j).get(1)).contains("only IOGeneralInterest is modelled");
        assertThat(errors(j).get(2)).contains("unknown message kIOMessageNope");
        assertThat(errors(j).get(3)).contains("kIOReturnNotReady");
        assertThat(errors(j).get(4)).contains("no interest notifier 4");
        assertThat(j).noneMatch(l -> l.startsWith("interest.register"));
    }

    @Test
    @DisplayName("L5: open is exclusive; closing a service not open for the client is refused")
    void l5OpenIsExclusive(@TempDir Path dir) throws Exception {
        List<String> j = journal(dir, PUBLISH,
                "{\"at\":1000,\"do\":\"publish\",\"parent\":\"IOService:/\",\"name\":\"other\"}",
                "{\"at\":9000,\"do\":\"open-service\",\"path\":\"IOService:/widget\",\"client\":\"IOService:/other\"}",
                "{\"at\":9000,\"do\":\"open-service\",\"path\":\"IOService:/widget\",\"client\":\"IOService:/\"}",
                "{\"at\":9000,\"do\":\"close-service\",\"path\":\"IOService:/widget\",\"client\":\"IOService:/\"}");
        assertThat(j).filteredOn(l -> l.startsWith("service.open")).extracting(l -> l.substring(l.indexOf('{')))
                .containsExactly("{client=IOService:/other, result=true}", "{client=IOService:/, result=false}");
        assertThat(errors(j)).singleElement().asString().contains("is not open for IOService:/");
    }

    @Test
    @DisplayName("L6: closeWhenAsked is true or false; a client that kept a live provider open closes it as in L5, "
            + "and a second terminate of a waiting victim changes nothing")
    void l6CloseWhenAskedArguments(@TempDir Path dir) throws Exception {
        List<String> j = journal(dir, PUBLISH,
                "{\"at\":1000,\"do\":\"publish\",\"parent\":\"IOService:/widget\",\"name\":\"client\"}",
                "{\"at\":9000,\"do\":\"open-service\",\"path\":\"IOService:/widget\","
                        + "\"client\":\"IOService:/widget/client\",\"closeWhenAsked\":\"maybe\"}",
                "{\"at\":9000,\"do\":\"open-service\",\"path\":\"IOService:/widget\","
                        + "\"client\":\"IOService:/widget/client\",\"closeWhenAsked\":\"false\"}",
                "{\"at\":10000,\"do\":\"close-service\",\"path\":\"IOService:/widget\","
                        + "\"client\":\"IOService:/widget/client\"}",
                "{\"at\":11000,\"do\":\"open-service\",\"path\":\"IOService:/widget\","
                        + "\"client\":\"IOService:/widget/client\",\"closeWhenAsked\":\"false\"}",
                "{\"at\":20000,\"do\":\"terminate\",\"path\":\"IOService:/widget\"}",
                "{\"at\":30000,\"do\":\"terminate\",\"path\":\"IOService:/widget\"}");
        assertThat(errors(j)).singleElement().asString().contains("\"closeWhenAsked\" is true or false, not maybe");
        // the close while the widget is live: WasClosed to the others, as any close (L5)
        assertThat(j).filteredOn(l -> l.startsWith("service.close")).hasSize(1);
        assertThat(j).filteredOn(l -> l.startsWith("service.stop-deferred")).extracting(l -> l.split(" ")[1])
                .containsExactly("IOService:/widget/client", "IOService:/widget");
        // the test catalogue's Flaky driver, also a client of the widget, holds nothing open: it stops
        assertThat(j).filteredOn(l -> l.startsWith("service.stop ")).extracting(l -> l.split(" ")[1])
                .containsExactly("IOService:/widget/Flaky");
    }

    @Test
    @DisplayName("S3: emulate-driver takes a score or \"refuse\"; anything else is refused")
    void s3EmulateDriverArguments(@TempDir Path dir) throws Exception {
        List<String> j = journal(dir, "{\"do\":\"emulate-driver\",\"class\":\"X\",\"probe\":\"lots\"}",
                "{\"do\":\"emulate-driver\",\"probe\":1}", "{\"do\":\"emulate-driver\",\"class\":\"X\",\"probe\":-5}");
        assertThat(errors(j)).hasSize(2);
        assertThat(j).contains("driver.emulate  {class=X, probe=-5, start=true}");
    }

    @Test
    void messagesHaveIOMessageHValues() {
        assertThat(IOMessage.kIOMessageServiceIsTerminated.hex()).isEqualTo("0xe0000010");
        assertThat(IOMessage.kIOMessageServiceIsAttemptingOpen.code()).isEqualTo(0xe0000101);
        assertThat(IOMessage.parse("0xE0000110")).contains(IOMessage.kIOMessageServiceWasClosed);
        assertThat(IOMessage.parse("kIOMessageServiceIsResumed")).contains(IOMessage.kIOMessageServiceIsResumed);
    }
}
