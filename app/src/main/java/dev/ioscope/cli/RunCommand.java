package dev.ioscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ioscope.engine.io.SafeOutput;
import dev.ioscope.engine.machine.ScenarioMachines;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.trace.ChromeTrace;
import dev.ioscope.engine.trace.CounterRecorder;
import dev.ioscope.engine.trace.CounterSample;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ioscope run SCENARIO.json [--json] [--plugins DIR]}: runs a scenario until quiet and prints its event
 * journal. A scenario that names neither a snapshot nor a machine runs on the bundled virtual Mac.
 */
@Command(name = "run",
        customSynopsis = "ioscope run SCENARIO.json [--json] [--plugins DIR] [--save FILE [--to FORMAT]] "
                + "[--trace OUT.json]",
        description = "Run a scenario on virtual time and print the event journal.",
        footer = {"The machine is the scenario's \"snapshot\" or \"machine\" (a machine JSON, \"default\" or "
            + "\"empty\"); with neither, the bundled virtual Mac boots from time 0. Scenario format and event kinds: "
            + "docs/scenarios.md."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "SCENARIO.json", description = "The scenario to run.")
    String file;

    @Option(names = "--json", description = {"One JSON object per event and line: seq, t (virtual ns), kind, entry, "
            + "details."})
    boolean json;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "More hardware families (besides the app's and ~/.ioscope/plugins).")
    String plugins;

    @Option(names = "--save", paramLabel = "FILE", description = {"Also write the registry as it is at the end (format "
            + "from --to or FILE's extension, as for convert); '-' writes ioreg -l text instead of the journal."})
    String save;

    @Option(names = "--to", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "The format --save writes.")
    SnapshotFormat to;

    @Option(names = "--trace", paramLabel = "OUT.json", description = {"Also write the journal as Chrome trace-event "
            + "JSON (ui.perfetto.dev, chrome://tracing): a track per service, power changes and matching as slices, "
            + "messages as instants, IOReport channels as counters."})
    String trace;

    private final PrintStream out;
    private final PrintStream err;

    RunCommand(Streams io) {
        this.out = io.out();
        this.err = io.err();
    }

    @Override
    public Integer call() throws Exception {
        SnapshotFormat to = this.to;
        if (save != null) {
            to = SnapshotOutput.format(save, to);
        }
        Scenario scenario = Scenario.read(Path.of(file));
        Simulation sim;
        try (ScenarioMachines machines = ScenarioMachines.standard(PluginsFolder.of(plugins),
                Map.of())) {
            for (var f : machines.failures()) {
                err.println("ioscope run: plugin " + f.source() + " not loaded: " + f.error());
            }
            sim = machines.build(scenario);
            if (trace == null) {
                sim.runUntilQuiet();
            } else {
                CounterRecorder counters = new CounterRecorder(sim);
                List<CounterSample> samples = counters.runUntilQuiet();
                if (counters.truncated()) {
                    err.println("ioscope run: the trace keeps the first " + CounterRecorder.MAX_SAMPLES
                            + " IOReport counter values; later ones are left out");
                }
                Simulation done = sim;
                String title = Path.of(file).getFileName().toString();
                SafeOutput.write(Path.of(trace), List.of(Path.of(file)),
                        o -> ChromeTrace.write(title, done.journal(), samples, o));
            }
        }
        if (save != null) {
            String name = Path.of(file).getFileName().toString();
            SnapshotOutput.write(new Snapshot(sim.registry(), scenario.bootsMachine() ? SnapshotFormat.BOOTED_MACHINE
                    : SnapshotFormat.JSON, OSDictionary.of("scenario", OSString.of(name)), name), to, save,
                    List.of(Path.of(file)), out, err);
            if (save.equals("-")) {
                return ExitCodes.OK;
            }
        }
        if (json) {
            JsonFactory f = new JsonFactory();
            for (JournalEvent e : sim.journal()) {
                JsonGenerator g = f.createGenerator(out);
                g.writeStartObject();
                g.writeNumberField("seq", e.seq());
                g.writeNumberField("t", e.t());
                g.writeStringField("kind", e.kind().id());
                g.writeStringField("entry", e.entry());
                g.writeObjectFieldStart("details");
                for (var d : e.details().entrySet()) {
                    g.writeStringField(d.getKey(), d.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
                g.flush();
                out.println();
            }
        } else {
            for (JournalEvent e : sim.journal()) {
                out.println(e.line());
            }
        }
        if (sim.journalFull()) {
            err.println("ioscope run: stopped at " + sim.journalSize() + " journal events, the limit of one run ("
                    + Simulation.MAX_JOURNAL_EVENTS + "); not quiet");
        } else if (!sim.scheduler().idle()) {
            err.println("ioscope run: stopped after " + sim.scheduler().executed() + " steps (maxSteps); not quiet");
        }
        return ExitCodes.OK;
    }
}
