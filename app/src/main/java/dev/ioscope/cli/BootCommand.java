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

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ioscope boot [MACHINE.json] [--plugins DIR] [--save FILE] [--to FORMAT]}: boots a machine description
 * (the bundled virtual Mac when none is named) on virtual time until the registry is quiet, and saves the
 * registry in any writable format. Families come from the class path, ~/.ioscope/plugins and --plugins DIR.
 */
@Command(name = "boot", customSynopsis = "ioscope boot [MACHINE.json] [--plugins DIR] [--save FILE] [--to FORMAT]",
        description = {"Boot a machine description (default: the virtual Mac) and save its registry.",
            "Boots MACHINE.json (docs/machines.md), or the bundled virtual Mac, until the registry is quiet. Hardware "
                + "families come from the app, from ~/.ioscope/plugins and from --plugins DIR; a plugin that fails "
                + "to load is listed on standard error and skipped. Without --save, prints a summary."})
final class BootCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "MACHINE.json", arity = "0..1", description = "A machine description.")
    String machine;

    @Option(names = "--plugins", paramLabel = "DIR", description = "More hardware families.")
    String plugins;

    @Option(names = "--save", paramLabel = "FILE", description = {"Write the registry; the format from --to or "
            + "FILE's extension (.ioreg, .xml, .txt, .json); '-' writes to standard output."})
    String save;

    @Option(names = "--to", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "The format --save writes (as for convert).")
    SnapshotFormat to;

    private final PrintStream out;
    private final PrintStream err;

    BootCommand(Streams io) {
        this.out = io.out();
        this.err = io.err();
    }

    @Override
    public Integer call() throws Exception {
        SnapshotFormat to = this.to;
        if (save != null) {
            to = SnapshotOutput.format(save, to);
        }
        MachineDescription d = machine == null ? DefaultMachine.description() : MachineReader.read(Path.of(machine));
        Machine m;
        try (PluginLoader pl = PluginLoader.standard(PluginsFolder.of(plugins))) {
            for (PluginLoader.Failure f : pl.failures()) {
                err.println("ioscope boot: plugin " + f.source() + " skipped: " + f.error());
            }
            Contributions c = Contributions.of(pl);
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
        SnapshotOutput.write(s, to, save, machine == null ? List.of() : List.of(Path.of(machine)), out, err);
        return ExitCodes.OK;
    }
}
