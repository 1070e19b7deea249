package dev.ioscope.cli;

import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.Snapshots;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code ioscope convert IN OUT [--to FORMAT]}: any readable format to any writable one. */
final class ConvertCommand implements Command {
    @Override
    public String name() {
        return "convert";
    }

    @Override
    public String summary() {
        return "convert a snapshot to .ioreg, ioreg -a XML, ioreg -l text or JSON";
    }

    @Override
    public String usage() {
        return """
                usage: ioscope convert [--to FORMAT] IN OUT
                  FORMAT: ioreg (IORegistryExplorer archive), xml (ioreg -a), text (ioreg -l), json
                  Without --to, the format comes from OUT's extension (.ioreg, .xml/.plist, .txt, .json).
                  OUT '-' writes to standard output. IN is only ever read.""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        SnapshotFormat to = null;
        String in = null;
        String outFile = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--to")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--to needs a format");
                }
                String f = args.get(++i);
                to = SnapshotFormat.parse(f).orElseThrow(() -> new UsageException("unknown format " + f));
            } else if (a.startsWith("--to=")) {
                String f = a.substring(5);
                to = SnapshotFormat.parse(f).orElseThrow(() -> new UsageException("unknown format " + f));
            } else if (a.startsWith("-") && !a.equals("-")) {
                throw new UsageException("unknown option " + a);
            } else if (in == null) {
                in = a;
            } else if (outFile == null) {
                outFile = a;
            } else {
                throw new UsageException("unexpected argument " + a);
            }
        }
        if (in == null || outFile == null) {
            throw new UsageException("needs IN and OUT");
        }
        if (to == null) {
            String o = outFile;
            to = SnapshotFormat.fromExtension(outFile).orElseThrow(() ->
                    new UsageException("cannot tell the format from " + o + "; use --to"));
        }
        if (Snapshots.writer(to).isEmpty()) {
            throw new UsageException("cannot write " + to.displayName());
        }
        Path inPath = Path.of(in);
        if (!outFile.equals("-") && Files.exists(Path.of(outFile))
                && Files.isSameFile(inPath, Path.of(outFile))) {
            throw new UsageException("OUT is the same file as IN; IOScope never overwrites its input");
        }
        Snapshot s = Snapshots.load(inPath);
        SnapshotOutput.write(s, to, outFile, out);
        return ExitCodes.OK;
    }
}
