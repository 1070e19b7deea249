package dev.ioscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ioscope.engine.machine.ScenarioMachines;
import dev.ioscope.engine.report.ReportChannel;
import dev.ioscope.engine.report.sampling.ReportCsv;
import dev.ioscope.engine.report.sampling.ReportFormat;
import dev.ioscope.engine.report.sampling.ReportFrame;
import dev.ioscope.engine.report.sampling.ReportRecorder;
import dev.ioscope.engine.report.sampling.ReportSelection;
import dev.ioscope.engine.report.sampling.ReportValue;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ioscope report SCENARIO.json}: runs the scenario and samples the IOReport channels it publishes at every
 * interval of virtual time, as {@code powermetrics} samples a Mac's. CSV rows are exactly what the workbench's
 * IOReport dashboard exports.
 */
@Command(name = "report",
        customSynopsis = {"ioscope report SCENARIO.json [--group G] [--subgroup S] [--channel ID]",
            "       [--interval-ms N] [--until-ms N] [--format FORMAT] [--plugins DIR]"},
        description = "Run a scenario and print its IOReport channels sampled at every interval of virtual time.",
        footer = {"Values are the reporters' running totals in each channel's unit: simple values, state residencies "
            + "and transitions, histogram buckets. Without --until-ms the run ends at the first sample once the "
            + "scenario is quiet. See docs/cli.md."})
final class ReportCommand implements Callable<Integer> {
    enum Format { csv, json }

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "SCENARIO.json", description = "The scenario to run.")
    String file;

    @Option(names = "--group", paramLabel = "G", description = "Only channels of this IOReportGroupName.")
    String group;

    @Option(names = "--subgroup", paramLabel = "S", description = "Only channels of this IOReportSubGroupName.")
    String subgroup;

    @Option(names = "--channel", paramLabel = "ID",
            description = "Only this channel id: decimal, 0x hex, or a four-character code such as 'pwrS'.")
    String channel;

    @Option(names = "--interval-ms", paramLabel = "N", defaultValue = "100",
            description = "Virtual milliseconds between samples (default ${DEFAULT-VALUE}; fractions allowed).")
    double intervalMs;

    @Option(names = "--until-ms", paramLabel = "N",
            description = "Sample until this virtual time instead of until the scenario is quiet.")
    Double untilMs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv (default: channel,element,time_ns,value rows) or json (one document).")
    Format format;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "More hardware families (besides the app's and ~/.ioscope/plugins).")
    String plugins;

    private final PrintStream out;
    private final PrintStream err;

    ReportCommand(Streams io) {
        this.out = io.out();
        this.err = io.err();
    }

    @Override
    public Integer call() throws Exception {
        long interval = nanos("--interval-ms", intervalMs);
        long until = untilMs == null ? -1 : nanos("--until-ms", untilMs);
        ReportSelection selection;
        try {
            selection = new ReportSelection(group, subgroup, channel == null ? null
                    : ReportSelection.parseChannelId(channel));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Scenario scenario = Scenario.read(Path.of(file));
        ReportRecorder.Recording rec;
        try (ScenarioMachines machines = ScenarioMachines.standard(PluginsFolder.of(plugins),
                Map.of())) {
            for (var f : machines.failures()) {
                err.println("ioscope report: plugin " + f.source() + " not loaded: " + f.error());
            }
            Simulation sim = machines.build(scenario);
            try {
                rec = ReportRecorder.record(sim, selection, interval, until);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (rec.channels().isEmpty()) {
            err.println("ioscope report: no channel" + (group == null && subgroup == null && channel == null ? ""
                    : " matches the selection") + " in " + file);
        }
        if (!rec.quiet() && until < 0) {
            err.println("ioscope report: stopped by the step bound before the scenario was quiet");
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (format == Format.csv) {
            ReportCsv.write(rec.channels(), rec.frames(), w);
            w.flush();
        } else {
            json(rec, interval);
        }
        return ExitCodes.OK;
    }

    private static long nanos(String option, double ms) throws UsageException {
        if (!(ms > 0) || ms * 1e6 > Long.MAX_VALUE / 2) {
            throw new UsageException(option + " needs a number of milliseconds greater than 0, not "
                    + String.format(Locale.ROOT, "%s", ms));
        }
        return Math.max(1, Math.round(ms * 1e6));
    }

    private void json(ReportRecorder.Recording rec, long interval) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("scenario", file);
        g.writeNumberField("intervalNs", interval);
        g.writeBooleanField("quiet", rec.quiet());
        g.writeArrayFieldStart("channels");
        for (ReportChannel ch : rec.channels()) {
            g.writeStartObject();
            g.writeStringField("channel", ReportFormat.path(ch));
            g.writeStringField("provider", ch.providerName());
            g.writeStringField("group", ch.group());
            g.writeStringField("subgroup", ch.subgroup());
            g.writeStringField("name", ReportFormat.name(ch));
            g.writeStringField("id", "0x" + Long.toHexString(ch.channelId()));
            g.writeStringField("format", ReportFormat.kind(ch));
            g.writeStringField("unit", "0x" + Long.toHexString(ch.unit()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("samples");
        for (ReportFrame f : rec.frames()) {
            g.writeStartObject();
            g.writeNumberField("timeNs", f.clockNs());
            g.writeObjectFieldStart("values");
            for (ReportChannel ch : rec.channels()) {
                ReportValue v = f.value(ch);
                if (v == null) {
                    continue;
                }
                g.writeObjectFieldStart(ReportFormat.path(ch));
                for (Map.Entry<String, Long> e : ReportCsv.elements(v).entrySet()) {
                    if (e.getValue() == Long.MIN_VALUE) {
                        g.writeNullField(e.getKey());   // kIOReportInvalidValue
                    } else {
                        g.writeNumberField(e.getKey(), e.getValue());
                    }
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        out.println();
    }
}
