package dev.ioscope.cli;

import dev.ioscope.engine.machine.DefaultMachine;
import dev.ioscope.engine.machine.Machine;
import dev.ioscope.engine.machine.MachineDescription;
import dev.ioscope.engine.machine.MachineReader;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.spi.Contributions;
import dev.ioscope.engine.spi.PluginLoader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ioscope boot [MACHINE.json] [--plugins DIR] [--save FILE] [--to FORMAT]}: boots a machine description
 * (the bundled virtual Mac when none is named) on virtual time until the registry is quiet, and saves the
 * registry in any writable format. Families come from the class path, ~/.ioscope/plugins and --plugins DIR.
 */
final class BootCommand implements Command {
    @Override
    public String name() {
        return "boot";
    }

    @Override
    public String summary() {
        return "boot a machine description (default: the virtual Mac) and save its registry";
    }

    @Override
    public String usage() {
        return """
                usage: ioscope boot [MACHINE.json] [--plugins DIR] [--save FILE] [--to FORMAT]
                  Boots MACHINE.json (docs/machines.md), or the bundled virtual Mac, until the registry is quiet.
                  Hardware families come from the app, from ~/.ioscope/plugins and from --plugins DIR; a plugin
                  that fails to load is listed on standard error and skipped.
                  --save FILE writes the registry; FORMAT from --to or FILE's extension (.ioreg, .xml, .txt,
                  .json); '-' writes to standard output. Without --save, prints a summary.""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String machine = null;
        String plugins = null;
        String save = null;
        SnapshotFormat to = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--plugins" -> plugins = value(args, ++i, a);
                case "--save" -> save = value(args, ++i, a);
                case "--to" -> {
                    String f = value(args, ++i, a);
                    to = SnapshotFormat.parse(f).orElseThrow(() -> new UsageException("unknown format " + f));
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option " + a);
                    } else if (machine != null) {
                        throw new UsageException("unexpected argument " + a);
                    }
                    machine = a;
                }
            }
        }
        if (save != null) {
            to = SnapshotOutput.format(save, to);
        }
        MachineDescription d = machine == null ? DefaultMachine.description() : MachineReader.read(Path.of(machine));
        Machine m;
        try (PluginLoader pl = PluginLoader.standard(plugins == null ? null : Path.of(plugins))) {
            for (PluginLoader.Failure f : pl.failures()) {
                err.println("ioscope boot: plugin " + f.source() + " skipped: " + f.error());
            }
            Contributions c = Contributions.of(pl.families());
            m = Machine.boot(d, c);
            for (String p : m.problems()) {
                err.println("ioscope boot: " + p);
            }
        }
        Snapshot s = m.snapshot();
        if (save == null) {
            out.println(d.name() + ": " + m.registry().size() + " registry entries ("
                    + m.registry().entryCount(m.registry().plane(IORegistryPlane.IOSERVICE)) + " in IOService), "
                    + m.journal().size() + " journal events, virtual time "
                    + m.simulation().scheduler().now() + " ns");
            return ExitCodes.OK;
        }
        SnapshotOutput.write(s, to, save, out);
        return ExitCodes.OK;
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }
}
