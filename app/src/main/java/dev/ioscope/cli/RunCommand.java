package dev.ioscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ioscope.engine.machine.ScenarioMachines;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code ioscope run SCENARIO.json [--json] [--plugins DIR]}: runs a scenario until quiet and prints its event
 * journal. A scenario that names neither a snapshot nor a machine runs on the bundled virtual Mac.
 */
final class RunCommand implements Command {
    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run a scenario on virtual time and print the event journal";
    }

    @Override
    public String usage() {
        return """
                usage: ioscope run SCENARIO.json [--json] [--plugins DIR] [--save FILE [--to FORMAT]]
                  --json          one JSON object per event and line: seq, t (virtual ns), kind, entry, details
                  --plugins DIR   more hardware families (besides the app's and ~/.ioscope/plugins)
                  --save FILE     also write the registry as it is at the end (format from --to or FILE's
                                  extension, as for convert); '-' writes ioreg -l text instead of the journal
                  The machine is the scenario's "snapshot" or "machine" (a machine JSON, "default" or "empty");
                  with neither, the bundled virtual Mac boots from time 0.
                  (scenario format and event kinds: docs/scenarios.md)""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        boolean json = false;
        String file = null;
        String plugins = null;
        String save = null;
        SnapshotFormat to = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--plugins")) {
                if (++i >= args.size()) {
                    throw new UsageException("--plugins needs a folder");
                }
                plugins = args.get(i);
            } else if (a.equals("--save") || a.equals("--to")) {
                if (++i >= args.size()) {
                    throw new UsageException(a + " needs a value");
                }
                if (a.equals("--save")) {
                    save = args.get(i);
                } else {
                    String v = args.get(i);
                    to = SnapshotFormat.parse(v).orElseThrow(() -> new UsageException("unknown format " + v));
                }
            } else if (a.startsWith("-") || file != null) {
                throw new UsageException("unexpected argument " + a);
            } else {
                file = a;
            }
        }
        if (file == null) {
            throw new UsageException("no SCENARIO given");
        }
        if (save != null) {
            to = SnapshotOutput.format(save, to);
        }
        Scenario scenario = Scenario.read(Path.of(file));
        Simulation sim;
        try (ScenarioMachines machines = ScenarioMachines.standard(plugins == null ? null : Path.of(plugins),
                Map.of())) {
            for (var f : machines.failures()) {
                err.println("ioscope run: plugin " + f.source() + " not loaded: " + f.error());
            }
            sim = machines.build(scenario);
            sim.runUntilQuiet();
        }
        if (save != null) {
            String name = Path.of(file).getFileName().toString();
            SnapshotOutput.write(new Snapshot(sim.registry(), scenario.bootsMachine() ? SnapshotFormat.BOOTED_MACHINE
                    : SnapshotFormat.JSON, OSDictionary.of("scenario", OSString.of(name)), name), to, save, out);
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
                g.writeStringField("kind", e.kind());
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
        if (!sim.scheduler().idle()) {
            err.println("ioscope run: stopped after " + sim.scheduler().executed() + " steps (maxSteps); not quiet");
        }
        return ExitCodes.OK;
    }
}
