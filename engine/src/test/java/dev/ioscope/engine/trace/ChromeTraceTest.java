package dev.ioscope.engine.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioscope.engine.report.IOSimpleReporter;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.spi.PluginLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal as a Chrome trace-event file: valid for the format, and every fact of the journal in it. */
class ChromeTraceTest {
    static final String KEXT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <plist version="1.0"><dict>
              <key>CFBundleIdentifier</key><string>com.example.widget</string>
              <key>IOKitPersonalities</key><dict>
                <key>Solid</key><dict><key>IOClass</key><string>Solid</string>
                  <key>IOProviderClass</key><string>IOService</string>
                  <key>IONameMatch</key><string>widget</string></dict>
              </dict></dict></plist>
            """;
    static final String STATES = "[{\"capabilityFlags\":0,\"outputPowerCharacter\":0,\"inputPowerRequirement\":0},"
            + "{\"capabilityFlags\":\"kIOPMPowerOn|kIOPMDeviceUsable\",\"outputPowerCharacter\":\"kIOPMPowerOn\","
            + "\"inputPowerRequirement\":\"kIOPMPowerOn\"}]";

    static Simulation run(Path dir) throws Exception {
        Files.writeString(dir.resolve("Info.plist"), KEXT);
        Files.writeString(dir.resolve("s.json"), "{\"machine\":\"empty\",\"kexts\":[\"Info.plist\"],\"actions\":["
                + "{\"at\":1000,\"do\":\"publish\",\"parent\":\"IOService:/\",\"name\":\"widget\"},"
                + "{\"at\":5000,\"do\":\"power-register\",\"path\":\"IOService:/widget/Solid\",\"states\":" + STATES
                + ",\"desire\":\"1\",\"setPowerStateUs\":\"40\"},"
                + "{\"at\":900000,\"do\":\"terminate\",\"path\":\"IOService:/widget\"}]}");
        return Simulation.of(Scenario.read(dir.resolve("s.json")), Map.of(), PluginLoader.builtInExtensions());
    }

    static JsonNode trace(Simulation sim, List<CounterSample> counters) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChromeTrace.write("s.json", sim.journal(), counters, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void everyEventIsValidForTheTraceEventFormat(@TempDir Path dir) throws Exception {
        Simulation sim = run(dir);
        sim.runUntilQuiet();
        JsonNode t = trace(sim, List.of(new CounterSample(0, "Storage / IO / ops", 3)));

        assertThat(t.get("displayTimeUnit").asText()).isEqualTo("ns");
        Map<String, Integer> open = new HashMap<>();
        for (JsonNode e : t.get("traceEvents")) {
            String ph = e.get("ph").asText();
            assertThat(ph).isIn("M", "i", "X", "b", "e", "C");
            assertThat(e.get("name").isTextual()).isTrue();
            assertThat(e.get("pid").isInt() && e.get("tid").isInt()).isTrue();
            if (!ph.equals("M")) {
                assertThat(e.get("ts").isNumber()).isTrue();
                assertThat(e.get("ts").asDouble()).isGreaterThanOrEqualTo(0);
            }
            switch (ph) {
                case "X" -> assertThat(e.get("dur").asDouble()).isGreaterThanOrEqualTo(0);
                case "i" -> assertThat(e.get("s").asText()).isEqualTo("t");
                case "M" -> assertThat(e.get("args").has("name") || e.get("args").has("sort_index")).isTrue();
                case "b", "e" -> open.merge(e.get("cat").asText() + e.get("id").asText(), ph.equals("b") ? 1 : -1,
                        Integer::sum);
                case "C" -> assertThat(e.get("args").get("value").isNumber()).isTrue();
                default -> {
                }
            }
        }
        assertThat(open.values()).allMatch(n -> n == 0);
    }

    @Test
    void theJournalIsThereWholeWithSlicesForPowerChangesMatchingAndDriverLives(@TempDir Path dir) throws Exception {
        Simulation sim = run(dir);
        sim.runUntilQuiet();
        List<JournalEvent> j = sim.journal();
        JsonNode t = trace(sim, List.of());
        List<JsonNode> events = new ArrayList<>();
        t.get("traceEvents").forEach(events::add);

        // every journal event is one instant event carrying its kind, sequence number and details
        List<JsonNode> instants = events.stream().filter(e -> e.get("ph").asText().equals("i")).toList();
        assertThat(instants).hasSize(j.size());
        assertThat(instants.stream().map(e -> e.get("args").get("seq").asLong()).toList())
                .containsExactlyInAnyOrderElementsOf(j.stream().map(JournalEvent::seq).toList());

        int driverTrack = tid(events, "Solid");
        JournalEvent begin = first(j, "power.change-begin");
        JournalEvent end = first(j, "power.change-end");
        JsonNode power = events.stream().filter(e -> e.get("ph").asText().equals("X")
                && e.get("cat").asText().equals("power")).findFirst().orElseThrow();
        assertThat(power.get("tid").asInt()).isEqualTo(driverTrack);
        assertThat(power.get("ts").asDouble()).isEqualTo(begin.t() / 1000.0);
        assertThat(power.get("dur").asDouble()).isEqualTo((end.t() - begin.t()) / 1000.0);
        assertThat(power.get("name").asText()).isEqualTo("power " + begin.details().get("from") + " → "
                + begin.details().get("to"));

        // the widget's matching round: from its match.begin to its service.matched
        int widget = tid(events, "widget");
        JsonNode matching = events.stream().filter(e -> e.get("ph").asText().equals("X")
                && e.get("cat").asText().equals("match") && e.get("tid").asInt() == widget).findFirst().orElseThrow();
        JournalEvent round = j.stream().filter(e -> e.kind().id().equals("match.begin") && e.entry().equals(
                "IOService:/widget")).findFirst().orElseThrow();
        JournalEvent matched = j.stream().filter(e -> e.kind().id().equals("service.matched") && e.entry().equals(
                "IOService:/widget")).findFirst().orElseThrow();
        assertThat(matching.get("ts").asDouble()).isEqualTo(round.t() / 1000.0);
        assertThat(matching.get("dur").asDouble()).isEqualTo((matched.t() - round.t()) / 1000.0);

        JsonNode life = events.stream().filter(e -> e.get("ph").asText().equals("b")).findFirst().orElseThrow();
        JsonNode death = events.stream().filter(e -> e.get("ph").asText().equals("e")).findFirst().orElseThrow();
        assertThat(life.get("name").asText()).isEqualTo("Solid");
        assertThat(life.get("ts").asDouble()).isEqualTo(first(j, "service.start").t() / 1000.0);
        assertThat(death.get("ts").asDouble()).isEqualTo(first(j, "service.stop").t() / 1000.0);
        assertThat(List.of(life.get("tid").asInt(), death.get("tid").asInt())).containsOnly(driverTrack);
    }

    @Test
    void ioReportChannelsBecomeCounterTracksThatChangeOnlyWhenTheValueDoes(@TempDir Path dir) throws Exception {
        Simulation sim = run(dir);
        IOSimpleReporter ops = new IOSimpleReporter(7, 0, 0, sim.scheduler()::now);
        ops.addChannel(1, "ops");
        sim.reportHub().addReporterLegend("Disk", ops, "Storage", "IO");
        sim.scheduler().at(2000, "io", () -> ops.setValue(1, 4));
        sim.scheduler().at(3000, "io", () -> ops.setValue(1, 4));
        sim.scheduler().at(7000, "io", () -> ops.setValue(1, 6));
        CounterRecorder rec = new CounterRecorder(sim);
        List<CounterSample> counters = rec.runUntilQuiet();

        assertThat(counters).containsExactly(new CounterSample(0, "Storage / IO / ops", 0),
                new CounterSample(2000, "Storage / IO / ops", 4), new CounterSample(7000, "Storage / IO / ops", 6));
        assertThat(rec.truncated()).isFalse();
        JsonNode t = trace(sim, counters);
        List<Double> ts = new ArrayList<>();
        t.get("traceEvents").forEach(e -> {
            if (e.get("ph").asText().equals("C")) {
                ts.add(e.get("ts").asDouble());
            }
        });
        assertThat(ts).containsExactly(0.0, 2.0, 7.0);
    }

    @Test
    void timestampsAreMicrosecondsWrittenPlainly() {
        assertThat(ChromeTrace.micros(0)).isEqualTo("0.000");
        assertThat(ChromeTrace.micros(1)).isEqualTo("0.001");
        assertThat(ChromeTrace.micros(12_345_678_901L)).isEqualTo("12345678.901");
    }

    static int tid(List<JsonNode> events, String label) {
        return events.stream().filter(e -> e.get("ph").asText().equals("M") && e.get("name").asText()
                .equals("thread_name") && e.get("args").get("name").asText().equals(label)).findFirst()
                .orElseThrow().get("tid").asInt();
    }

    static JournalEvent first(List<JournalEvent> j, String kind) {
        return j.stream().filter(e -> e.kind().id().equals(kind)).findFirst().orElseThrow(() -> new AssertionError(
                "no " + kind + " in " + j.stream().map(JournalEvent::line).toList()));
    }
}
