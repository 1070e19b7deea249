package dev.ioscope.engine.userclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Replay;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.spi.PluginLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
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
        return j.stream().filter(e -> e.kind().id().startsWith(prefix)).toList();
    }

    @Test
    void demoScenarioJournalsOpenCallsCompletionAndClose() throws Exception {
        Simulation sim = Simulation.of(Scenario.read(repoFile("docs/examples/userclient-demo.json")), Map.of(),
                PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        List<JournalEvent> uc = of(sim.journal(), "userclient.");
        assertThat(uc).extracting(je -> je.kind().id()).containsExactly("userclient.open", "userclient.open",
                "userclient.call", "userclient.call", "userclient.call", "userclient.call",
                "userclient.async.complete", "userclient.close", "userclient.call");

        JournalEvent open = uc.get(0);
        assertThat(open.t()).isEqualTo(10_000);
        assertThat(open.entry()).isEqualTo("IOService:/demo");
        assertThat(open.details()).containsEntry("connection", "c").containsEntry("class", "IOScopeDemoUserClient")
                .containsEntry("result", "kIOReturnSuccess").containsEntry("methods", "10");
        // IOService::newUserClient without IOUserClientClass: kIOReturnUnsupported
        assertThat(uc.get(1).details()).containsEntry("result", "kIOReturnUnsupported")
                .containsEntry("value", "0xe00002c7");

        // add(2, 3) = 5
        assertThat(uc.get(2).details()).containsEntry("method", "add").containsEntry("scalars", "[2, 3]")
                .containsEntry("result", "kIOReturnSuccess").containsEntry("value", "0x00000000")
                .containsEntry("scalarOutput", "[5]");
        // one scalar where the row wants two: rule UC3; the function never ran, so the one scalar of output room
        // comes back as the kernel zeroed it (rule UC8)
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
        // after close the port is gone (rule UC9)
        assertThat(uc.get(8).details()).containsEntry("result", "MACH_SEND_INVALID_DEST")
                .containsEntry("value", "0x10000003");
        // the client was attached under its service while open, and left on close
        assertThat(sim.registry().entries()).noneMatch(e -> e.className().equals("IOScopeDemoUserClient"));
    }

    /** The read-only accessor a console uses: open connections with their tables, closed ones marked. */
    @Test
    void connectionsAccessorCopiesOpenConnectionsAndTheirTables() throws Exception {
        Simulation sim = Simulation.of(Scenario.read(repoFile("docs/examples/userclient-demo.json")), Map.of(),
                PluginLoader.builtInExtensions());
        assertThat(UserClientExtension.connections(sim)).isEmpty();
        while (sim.scheduler().now() < 11_000 && sim.step()) {
            // up to the first call
        }
        List<UserClientConnection> open = UserClientExtension.connections(sim);
        // "p" failed to open (no IOUserClientClass): only "c" is a connection
        assertThat(open).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("c");
            assertThat(c.service()).isEqualTo("IOService:/demo");
            assertThat(c.userClientClass()).isEqualTo("IOScopeDemoUserClient");
            assertThat(c.type()).isZero();
            assertThat(c.closed()).isFalse();
            assertThat(c.table().methods()).hasSize(10);
            assertThat(c.table().methods().get(0).name()).isEqualTo("add");
        });
        sim.runUntilQuiet();
        UserClientConnection after = UserClientExtension.connections(sim).get(0);
        assertThat(after.closed()).isTrue();
        assertThat(after.calls()).isEqualTo(4);   // the call after close never reached the client
        assertThat(open.get(0).closed()).as("a copy, not a live view").isFalse();
    }

    /**
     * The demo's memory: map the shared buffer (type 0) and the data queue (type 1), fill and enqueue through calls,
     * dequeue as user space does; the accessor draws the queue (head, tail, entries) from the caller's mapping.
     */
    @Test
    void mappedSharedMemoryAndDataQueue(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("s.json"), """
                {"actions": [
                  {"at": 1000, "do": "publish", "parent": "IOService:/", "name": "demo",
                   "properties": {"IOUserClientClass": "IOScopeDemoUserClient"}},
                  {"at": 2000, "do": "open", "path": "IOService:/demo", "as": "q"},
                  {"at": 3000, "do": "map", "connection": "q", "memoryType": 0},
                  {"at": 3000, "do": "map", "connection": "q", "memoryType": 1},
                  {"at": 3000, "do": "map", "connection": "q", "memoryType": 7},
                  {"at": 4000, "do": "call", "connection": "q", "selector": 9, "scalars": [2, 171, 3]},
                  {"at": 4000, "do": "call", "connection": "q", "selector": 9, "scalars": [62, 1, 3]},
                  {"at": 5000, "do": "call", "connection": "q", "line": "call 8 struct=0102030405"},
                  {"at": 5000, "do": "call", "connection": "q", "line": "call 8 struct=aabb"},
                  {"at": 6000, "do": "dequeue", "connection": "q"},
                  {"at": 7000, "do": "advance"}]}
                """);
        Simulation sim = Simulation.of(Scenario.read(dir.resolve("s.json")), Map.of(),
                PluginLoader.builtInExtensions());
        while (sim.scheduler().nextDue() >= 0 && sim.scheduler().nextDue() < 6000 && sim.step()) {
            // up to the dequeue
        }
        UserClientConnection before = UserClientExtension.connections(sim).get(0);
        assertThat(before.mappings()).extracting(UserClientConnection.Mapping::memoryType).containsExactly(0, 1);
        UserClientConnection.Mapping shared = before.mappings().get(0);
        assertThat(shared.size()).isEqualTo(DemoTableUserClient.SHARED_SIZE);
        assertThat(shared.queue()).isNull();
        assertThat(shared.hex()).startsWith("0000abababab00".substring(0, 10) + "00");
        UserClientConnection.Mapping queue = before.mappings().get(1);
        assertThat(queue.size()).isEqualTo(IODataQueueLayout.memorySize(DemoTableUserClient.QUEUE_SIZE));
        assertThat(queue.queue().head()).isZero();
        assertThat(queue.queue().tail()).isEqualTo(5 + 4 + 2 + 4);
        assertThat(queue.queue().entries()).containsExactly(new IODataQueueView.Entry(0, 5),
                new IODataQueueView.Entry(9, 2));
        sim.runUntilQuiet();

        List<JournalEvent> uc = of(sim.journal(), "userclient.");
        assertThat(uc.get(1).details()).containsEntry("memoryType", "0").containsEntry("result", "kIOReturnSuccess")
                .containsEntry("size", "64");
        // a memory type the client does not offer: is_io_connect_map_memory_into_task answers kIOReturnBadArgument
        assertThat(uc.get(3).details()).containsEntry("memoryType", "7")
                .containsEntry("result", "kIOReturnBadArgument");
        // fill past the 64-byte buffer's end is refused by the driver
        assertThat(uc.get(5).details()).containsEntry("method", "fill").containsEntry("result", "kIOReturnBadArgument");
        assertThat(uc.get(6).details()).containsEntry("method", "enqueue").containsEntry("result", "kIOReturnSuccess");
        JournalEvent dq = uc.get(8);
        assertThat(dq.kind().id()).isEqualTo("userclient.dequeue");
        assertThat(dq.details()).containsEntry("result", "kIOReturnSuccess").containsEntry("data", "0102030405");
        UserClientConnection after = UserClientExtension.connections(sim).get(0);
        assertThat(after.mappings().get(1).queue().head()).isEqualTo(9);
        assertThat(after.mappings().get(1).queue().entries()).containsExactly(new IODataQueueView.Entry(9, 2));
    }

    /** Step back to every position of the demo scenario and forward again: the same journal, userclient events too. */
    @Test
    void steppingBackThroughUserClientEventsIsExact() throws Exception {
        Scenario s = Scenario.read(repoFile("docs/examples/userclient-demo.json"));
        Replay r = new Replay(s, Map.of(), PluginLoader.builtInExtensions());
        r.runUntilQuiet();
        long end = r.position();
        List<JournalEvent> full = r.journal();
        assertThat(of(full, "userclient.async.complete")).hasSize(1);
        for (long back = 1; back <= end; back++) {
            r.seek(end);
            r.stepBack(back);
            assertThat(r.position()).isEqualTo(end - back);
            assertThat(full.subList(0, r.journal().size())).isEqualTo(r.journal());
            r.runUntilQuiet();
            assertThat(r.journal()).isEqualTo(full);
        }
    }

    /** A personality naming IOUserClientClass: the started driver instance carries it, so it can be opened. */
    @Test
    @DisplayName("UC12: IOUserClientClass of the service names the client, attached under the service")
    void personalityPropertyProvidesTheUserClient(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Info.plist"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <plist version="1.0"><dict>
                  <key>CFBundleIdentifier</key><string>com.example.demo</string>
                  <key>IOKitPersonalities</key><dict>
                    <key>Demo</key><dict><key>IOClass</key><string>IOScopeDemoDriver</string>
                      <key>IOProviderClass</key><string>IOService</string>
                      <key>IONameMatch</key><string>gizmo</string>
                      <key>IOUserClientClass</key><string>IOScopeDemoUserClient</string></dict>
                  </dict></dict></plist>
                """);
        Files.writeString(dir.resolve("s.json"), """
                {"kexts": ["Info.plist"], "actions": [
                  {"at": 1000, "do": "publish", "parent": "IOService:/", "name": "gizmo"},
                  {"at": 9000, "do": "open", "path": "IOService:/gizmo/IOScopeDemoDriver", "type": 3},
                  {"at": 9500, "do": "call", "line": "call 6 scalars=[1,2,0x10]"}]}
                """);
        Simulation sim = Simulation.of(Scenario.read(dir.resolve("s.json")), Map.of(),
                PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        List<JournalEvent> uc = of(sim.journal(), "userclient.");
        assertThat(uc.get(0).entry()).isEqualTo("IOService:/gizmo/IOScopeDemoDriver");
        assertThat(uc.get(0).details()).containsEntry("connection", "uc0").containsEntry("type", "3")
                .containsEntry("result", "kIOReturnSuccess");
        // reverse: variable scalars in, variable room out (16) → the method reports 3
        assertThat(uc.get(1).details()).containsEntry("method", "reverse").containsEntry("scalarOutput", "[16, 2, 1]");
        // the open client hangs under its driver in the IOService plane, as ioreg shows user clients
        var svc = sim.registry().plane(IORegistryPlane.IOSERVICE);
        assertThat(sim.resolve("IOService:/gizmo/IOScopeDemoDriver").children(svc))
                .extracting(e -> e.className()).containsExactly("IOScopeDemoUserClient");
    }

    /** provide-user-client with a table file; a row without a function; a class IOScope cannot make. */
    @Test
    @DisplayName("UC12: a class allocClassWithName cannot make answers kIOReturnNoMemory")
    void providedTableAndUnknownClass(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("t.json");
        Files.writeString(table, """
                {"userClient": "MyUserClient", "methods": [
                  {"selector": 0, "name": "add", "scalarInputs": 2, "scalarOutputs": 1},
                  {"selector": 1, "name": "mystery", "structureInput": 4}]}
                """);
        String t = table.toString().replace("\\", "\\\\");
        Files.writeString(dir.resolve("s.json"), "{\"actions\": ["
                + "{\"at\": 1000, \"do\": \"publish\", \"parent\": \"IOService:/\", \"name\": \"mine\"},"
                + "{\"at\": 1000, \"do\": \"publish\", \"parent\": \"IOService:/\", \"name\": \"hid\","
                + " \"properties\": {\"IOUserClientClass\": \"IOHIDLibUserClient\"}},"
                + "{\"at\": 5000, \"do\": \"provide-user-client\", \"path\": \"IOService:/mine\", \"table\": \""
                + t + "\"},"
                + "{\"at\": 6000, \"do\": \"open\", \"path\": \"IOService:/mine\", \"as\": \"m\"},"
                + "{\"at\": 6000, \"do\": \"open\", \"path\": \"IOService:/hid\", \"as\": \"h\"},"
                + "{\"at\": 7000, \"do\": \"call\", \"connection\": \"m\", \"selector\": 0,"
                + " \"scalars\": [\"0x10\", 1]},"
                + "{\"at\": 7000, \"do\": \"call\", \"connection\": \"m\", \"selector\": 1, \"struct\": \"01020304\"},"
                + "{\"at\": 7000, \"do\": \"call\", \"connection\": \"m\", \"selector\": 2}]}");
        Simulation sim = Simulation.of(Scenario.read(dir.resolve("s.json")), Map.of(),
                PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        List<JournalEvent> uc = of(sim.journal(), "userclient.");
        assertThat(uc).extracting(je -> je.kind().id()).containsExactly("userclient.provide", "userclient.open",
                "userclient.open", "userclient.call", "userclient.call", "userclient.call");
        assertThat(uc.get(0).details()).containsEntry("class", "MyUserClient").containsEntry("methods", "2");
        assertThat(uc.get(1).details()).containsEntry("result", "kIOReturnSuccess");
        // OSMetaClass::allocClassWithName finds no such class: kIOReturnNoMemory
        assertThat(uc.get(2).details()).containsEntry("class", "IOHIDLibUserClient")
                .containsEntry("result", "kIOReturnNoMemory").containsEntry("value", "0xe00002bd");
        assertThat(uc.get(3).details()).containsEntry("scalarOutput", "[17]");
        assertThat(uc.get(4).details()).containsEntry("result", "kIOReturnNoCompletion")
                .containsEntry("value", "0xe00002ea");
        // selector past the table: rule UC2
        assertThat(uc.get(5).details()).containsEntry("method", "").containsEntry("result", "kIOReturnBadArgument");
    }

    /** The engine's built-in demo table is docs/examples/demo-userclient.methods.json byte for byte. */
    @Test
    void builtInDemoTableIsTheDocumentedOne() throws Exception {
        try (var in = DemoMethods.class.getResourceAsStream(DemoMethods.DEMO_TABLE_RESOURCE)) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(
                    repoFile("docs/examples/demo-userclient.methods.json")));
        }
    }

    /** A closed connection's pending completion is never delivered; the scenario task has no entitlements. */
    @Test
    void closeBeforeCompletionAndEntitlement(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("s.json"), """
                {"actions": [
                  {"at": 1000, "do": "publish", "parent": "IOService:/", "name": "demo",
                   "properties": {"IOUserClientClass": "IOScopeDemoUserClient"}},
                  {"at": 2000, "do": "open", "path": "IOService:/demo"},
                  {"at": 3000, "do": "call", "line": "call 4"},
                  {"at": 3000, "do": "call", "selector": 3, "scalars": [5000], "async": true},
                  {"at": 4000, "do": "close"},
                  {"at": 9000, "do": "advance"}]}
                """);
        Simulation sim = Simulation.of(Scenario.read(dir.resolve("s.json")), Map.of(),
                PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        List<JournalEvent> uc = of(sim.journal(), "userclient.");
        assertThat(uc).extracting(je -> je.kind().id()).containsExactly("userclient.open", "userclient.call",
                "userclient.call", "userclient.close");
        assertThat(uc.get(1).details()).containsEntry("method", "poke")
                .containsEntry("result", "kIOReturnNotPrivileged");
        assertThat(uc.get(2).details()).containsEntry("async", "true").containsEntry("result", "kIOReturnSuccess");
        assertThat(sim.scheduler().now()).isEqualTo(9000); // the driver's work at 8000 ran, its message found no port
    }
}
