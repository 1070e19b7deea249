package dev.ioscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ioscope run docs/examples/userclient-demo.json}: user-client results in the printed journal. */
class RunUserClientTest {
    private static Path example() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs/examples/userclient-demo.json"))) {
            p = p.getParent();
        }
        assertThat(p).as("docs/examples/userclient-demo.json above the working directory").isNotNull();
        return p.resolve("docs/examples/userclient-demo.json");
    }

    @Test
    void journalShowsCallsWithIOReturnNamesAndTheAsyncCompletion() throws Exception {
        CliTest.Result r = CliTest.run("run", example().toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> uc = Arrays.stream(r.out().split("\n")).filter(l -> l.contains(" userclient.")).toList();
        assertThat(uc).hasSize(9);
        assertThat(uc.get(0)).contains("t=10000 userclient.open IOService:/demo connection=\"c\" type=\"0\"")
                .contains("class=\"IOScopeDemoUserClient\" result=\"kIOReturnSuccess\"");
        assertThat(uc.get(2)).contains("t=11000 userclient.call IOService:/demo connection=\"c\" selector=\"0\"")
                .contains("method=\"add\"").contains("scalarOutput=\"[5]\"");
        assertThat(uc.get(3)).contains("t=12000 userclient.call")
                .contains("result=\"kIOReturnBadArgument\" value=\"0xe00002c2\"");
        assertThat(uc.get(6)).contains("t=15000 userclient.async.complete IOService:/demo connection=\"c\"")
                .contains("refcon=\"7\"").contains("args=\"[42, 2000]\"");
        assertThat(uc.get(7)).contains("t=20000 userclient.close");
        // deterministic: the same scenario prints the same journal, also as JSON lines
        assertThat(CliTest.run("run", example().toString()).out()).isEqualTo(r.out());
        String json = CliTest.run("run", example().toString(), "--json").out();
        assertThat(json).contains("\"t\":15000,\"kind\":\"userclient.async.complete\"");
    }
}
