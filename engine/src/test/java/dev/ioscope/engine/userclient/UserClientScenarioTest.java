package dev.ioscope.engine.userclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Replay;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/examples/userclient-demo.json and the user-client scenario actions, run through the engine API. */
class UserClientScenarioTest {
    static Path repoFile(String rel) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve(rel))) {
            p = p.getParent();
        }
        assertThat(p).as(rel + " above " + Path.of("").toAbsolutePath()).isNotNull();
        return p.resolve(rel);
    }

    private static List<JournalEvent> of(List<JournalEvent> j, String prefix) {
        return j.stream().filter(e -> e.kind().startsWith(prefix)).toList();
    }

    @Test
    void demoScenarioJournalsOpenCallsCompletionAndClose() throws Exception {
        Simulation sim = Simulation.of(Scenario.read(repoFile("docs/examples/userclient-demo.json")), Map.of());
        sim.runUntilQuiet();
        List<JournalEvent> uc = of(sim.journal(), "userclient.");
        assertThat(uc).extracting(JournalEvent::kind).containsExactly("userclient.open", "userclient.open",
                "userclient.call", "userclient.call", "userclient.call", "userclient.call",
                "userclient.async.complete", "userclient.close", "userclient.call");

        JournalEvent open = uc.get(0);
        assertThat(open.t()).isEqualTo(10_000);
        assertThat(open.entry()).isEqualTo("IOService:/demo");
        assertThat(open.details()).containsEntry("connection", "c").containsEntry("class", "IOScopeDemoUserClient")
                .containsEntry("result", "kIOReturnSuccess").containsEntry("methods", "8");
        // IOService::newUserClient without IOUserClientClass: kIOReturnUnsupported
        assertThat(uc.get(1).details()).containsEntry("result", "kIOReturnUnsupported")
                .containsEntry("value", "0xe00002c7");

        // add(2, 3) = 5
        assertThat(uc.get(2).details()).containsEntry("method", "add").containsEntry("scalars", "[2, 3]")
                .containsEntry("result", "kIOReturnSuccess").containsEntry("value", "0x00000000")
                .containsEntry("scalarOutput", "[5]");
        // one scalar where the row wants two: rule U3; the function never ran, so the one scalar of output room
        // comes back as the kernel zeroed it (rule U8)
        assertThat(uc.get(3).t()).isEqualTo(12_000);
        assertThat(uc.get(3).details()).containsEntry("result", "kIOReturnBadArgument")
                .containsEntry("value", "0xe00002c2").containsEntry("scalarOutput", "[0]");
        // echo: the call-line form; variable output room (4096) gets the 3 bytes back
        assertThat(uc.get(4).details()).containsEntry("method", "echo").containsEntry("structOutput", "0a0b0c");
        // async: the call returns at 13000, the completion arrives 2000 ns of virtual time later
        assertThat(uc.get(5).t()).isEqualTo(13_000);
        assertThat(uc.get(5).details()).containsEntry("method", "delayedAnswer").containsEntry("async", "true")
                .containsEntry("result", "kIOReturnSuccess");
        JournalEvent done = uc.get(6);
        assertThat(done.t()).isEqualTo(15_000);
        assertThat(done.details()).containsEntry("connection", "c").containsEntry("refcon", "7")
                .containsEntry("result", "kIOReturnSuccess").containsEntry("args", "[42, 2000]");
        assertThat(uc.get(7).details()).containsEntry("result", "kIOReturnSuccess");
        // after close the port is gone (rule U9)
        assertThat(uc.get(8).details()).containsEntry("result", "MACH_SEND_INVALID_DEST")
                .containsEntry("value", "0x10000003");
        // the client was attached under its service while open, and left on close
        assertThat(sim.registry().entries()).noneMatch(e -> e.className().equals("IOScopeDemoUserClient"));
    }
}
