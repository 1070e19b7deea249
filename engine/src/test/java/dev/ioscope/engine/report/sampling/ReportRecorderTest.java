package dev.ioscope.engine.report.sampling;

import dev.ioscope.engine.report.IOSimpleReporter;
import dev.ioscope.engine.report.ReportChannel;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.spi.PluginLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportRecorderTest {
    static final long OPS = ReportSelection.parseChannelId("'ops'");
    static final long ERRS = ReportSelection.parseChannelId("errs");

    /** An empty machine whose scenario does nothing but let the clock reach 400 µs. */
    static Simulation machine(Path dir) throws Exception {
        Files.writeString(dir.resolve("s.json"),
                "{\"machine\":\"empty\",\"actions\":[{\"at\":400000,\"do\":\"advance\"}]}");
        return Simulation.of(Scenario.read(dir.resolve("s.json")), Map.of(), PluginLoader.builtInExtensions());
    }

    @Test
    void samplesEveryIntervalOfVirtualTimeAndStopsOnceQuiet(@TempDir Path dir) throws Exception {
        Simulation sim = machine(dir);
        IOSimpleReporter ops = new IOSimpleReporter(7, 0, 0, sim.scheduler()::now);
        ops.addChannel(OPS, "ops");
        sim.reportHub().addReporterLegend("Disk", ops, "Storage", "IO");
        sim.scheduler().at(150_000, "five", () -> ops.setValue(OPS, 5));
        sim.scheduler().at(250_000, "nine", () -> ops.setValue(OPS, 9));
        // a channel published later joins from the next sample on
        IOSimpleReporter errs = new IOSimpleReporter(8, 0, 0, sim.scheduler()::now);
        errs.addChannel(ERRS, "errs");
        sim.scheduler().at(220_000, "publish", () -> sim.reportHub().addReporterLegend("Disk", errs, "Storage", "IO"));

        ReportRecorder.Recording r = ReportRecorder.record(sim, ReportSelection.ALL, 100_000, -1);

        assertThat(r.quiet()).isTrue();
        assertThat(r.frames()).extracting(ReportFrame::clockNs).containsExactly(100_000L, 200_000L, 300_000L,
                400_000L);
        ReportChannel opsCh = r.channels().get(0);
        ReportChannel errsCh = r.channels().get(1);
        assertThat(r.frames()).extracting(f -> f.value(opsCh)).containsExactly(new ReportValue.Simple(0),
                new ReportValue.Simple(5), new ReportValue.Simple(9), new ReportValue.Simple(9));
        assertThat(r.frames()).extracting(f -> f.value(errsCh)).containsExactly(null, null,
                new ReportValue.Simple(0), new ReportValue.Simple(0));

        StringWriter csv = new StringWriter();
        ReportCsv.write(r.channels(), r.frames(), csv);
        assertThat(csv.toString().split("\r\n")).containsExactly(ReportCsv.HEADER,
                "Storage / IO / ops,value,100000,0", "Storage / IO / ops,value,200000,5",
                "Storage / IO / ops,value,300000,9", "Storage / IO / ops,value,400000,9",
                "Storage / IO / errs,value,300000,0", "Storage / IO / errs,value,400000,0");
    }

    @Test
    void aSelectionNarrowsToOneChannelAndAnEndTimeKeepsSamplingPastQuiet(@TempDir Path dir) throws Exception {
        Simulation sim = machine(dir);
        IOSimpleReporter ops = new IOSimpleReporter(7, 0, 0, sim.scheduler()::now);
        ops.addChannel(OPS, "ops");
        ops.addChannel(ERRS, "errs");
        sim.reportHub().addReporterLegend("Disk", ops, "Storage", "IO");

        ReportRecorder.Recording r = ReportRecorder.record(sim, new ReportSelection("Storage", null, ERRS), 250_000,
                1_000_000);

        assertThat(r.channels()).extracting(ReportChannel::name).containsExactly("errs");
        assertThat(r.frames()).extracting(ReportFrame::clockNs).containsExactly(250_000L, 500_000L, 750_000L,
                1_000_000L);
        assertThat(ReportRecorder.record(machine(dir), new ReportSelection("Power", null, null), 100_000, -1)
                .channels()).isEmpty();
    }

    @Test
    void channelIdsAreNumbersHexOrFourCharacterCodes() {
        assertThat(ReportSelection.parseChannelId("42")).isEqualTo(42);
        assertThat(ReportSelection.parseChannelId("0x2A")).isEqualTo(42);
        // IOREPORT_MAKEID: characters packed big-endian into the 64-bit id
        assertThat(ReportSelection.parseChannelId("'pwrS'")).isEqualTo(0x70777253L);
        assertThatThrownBy(() -> ReportSelection.parseChannelId("toolongcode")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportRecorder.record(null, ReportSelection.ALL, 0, -1))
                .hasMessageContaining("greater than 0");
    }
}
