package dev.ioscope.cli;

import dev.ioscope.engine.io.SafeOutput;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ioscope convert IN OUT [--to FORMAT]}: any readable format to any writable one. */
@Command(name = "convert", customSynopsis = "ioscope convert [--to FORMAT] IN OUT",
        description = "Convert a snapshot to .ioreg, ioreg -a XML, ioreg -l text or JSON.",
        footer = {"Without --to, the format comes from OUT's extension (.ioreg, .xml/.plist, .txt, .json).",
            "OUT '-' writes to standard output. IN is only ever read."})
final class ConvertCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--to", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "ioreg (IORegistryExplorer archive), xml (ioreg -a), text (ioreg -l), json.")
    SnapshotFormat to;

    @Parameters(index = "0", paramLabel = "IN", description = "The snapshot to read (any readable format).")
    String in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write, or '-' for standard output.")
    String outFile;

    private final PrintStream out;
    private final PrintStream err;

    ConvertCommand(Streams io) {
        this.out = io.out();
        this.err = io.err();
    }

    @Override
    public Integer call() throws Exception {
        SnapshotFormat to = this.to;
        if (to == null) {
            String o = outFile;
            to = SnapshotFormat.fromExtension(outFile).orElseThrow(() ->
                    new UsageException("cannot tell the format from " + o + "; use --to"));
        }
        if (Snapshots.writer(to).isEmpty()) {
            throw new UsageException("cannot write " + to.displayName());
        }
        Path inPath = Path.of(in);
        if (!outFile.equals("-")) {
            SafeOutput.plan(Path.of(outFile), List.of(inPath));   // refused before IN is read, not after
        }
        Snapshot s = SnapshotOutput.warn(Snapshots.load(inPath), err);
        SnapshotOutput.write(s, to, outFile, List.of(inPath), out, err);
        return ExitCodes.OK;
    }
}
