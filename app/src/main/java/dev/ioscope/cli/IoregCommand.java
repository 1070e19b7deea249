package dev.ioscope.cli;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.InputFiles;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotReader;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.snapshot.text.IoregArchive;
import dev.ioscope.engine.snapshot.text.IoregOptions;
import dev.ioscope.engine.snapshot.text.IoregTextInfo;
import dev.ioscope.engine.snapshot.text.IoregTextReader;
import dev.ioscope.engine.snapshot.text.IoregTextWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code ioscope ioreg [flags] FILE}: prints a snapshot as Apple's {@code ioreg} prints the live registry, with
 * ioreg's own flags parsed the way its getopt does ({@code ":abc:d:fik:ln:p:rsStw:xy"}: combined flags such as
 * {@code -lw0}, an option's argument attached or in the next word, {@code --} ending the options); picocli's
 * POSIX clustered short options are exactly that. Like getopt, a repeated option takes its last value.
 */
@Command(name = "ioreg", separator = " ",
        customSynopsis = {"ioscope ioreg [-abfilrtxy] [-c class] [-d depth] [-k key] [-n name] [-p plane] "
                + "[-w width] FILE", "       ioscope ioreg [same options] --live"},
        description = "Print a snapshot as Apple's ioreg prints the live registry (same flags).",
        footer = {"-s and -S are accepted and ignored, as by ioreg itself. See docs/cli.md."})
final class IoregCommand implements Callable<Integer> {
    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "-a", description = "Archive output (XML plist).")
    boolean archive;
    @Option(names = "-b", description = "Show object name in bold.")
    boolean bold;
    @Option(names = "-c", paramLabel = "class", description = "List properties of objects with the given class.")
    String className;
    @Option(names = "-d", paramLabel = "depth", description = "Limit tree to the given depth (0: unlimited).")
    String depth;
    @Option(names = "-f", description = "Enable smart formatting.")
    boolean format;
    @Option(names = "-i", description = "Show object inheritance.")
    boolean inheritance;
    @Option(names = "-k", paramLabel = "key", description = "List properties of objects with the given key.")
    String key;
    @Option(names = "-l", description = "List properties of all objects.")
    boolean list;
    @Option(names = "-n", paramLabel = "name", description = "List properties of objects with the given name.")
    String name;
    @Option(names = "-p", paramLabel = "plane", description = {"Traverse registry over the given plane (IOService is "
            + "default; for an ioreg text FILE, the plane the dump shows, which the text itself does not name)."})
    String plane;
    @Option(names = "-r", description = "Show subtrees rooted by the given criteria.")
    boolean root;
    @Option(names = "-s", hidden = true)
    boolean ignoredS;
    @Option(names = "-S", hidden = true)
    boolean ignoredBigS;
    @Option(names = "-t", description = "Show location of each subtree.")
    boolean tree;
    @Option(names = "-w", paramLabel = "width",
            description = "Clip output to the given line width (0, the default here, is unlimited).")
    String width;
    @Option(names = "-x", description = "Show data and numbers as hexadecimal.")
    boolean hex;
    @Option(names = "-y", description = "Do not consider DriverKit classes with -c.")
    boolean noUserClasses;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A snapshot in any format IOScope reads.")
    String file;

    @Option(names = "--live", description = {"Read this Mac's registry (every plane) through the first ioreg on the "
            + "PATH instead of a FILE."})
    boolean live;

    private final PrintStream out;
    private final PrintStream err;

    IoregCommand(Streams io) {
        this.out = io.out();
        this.err = io.err();
    }

    @Override
    public Integer call() throws Exception {
        IoregOptions o = IoregOptions.DEFAULT.withArchive(archive).withBold(bold).withFormat(format)
                .withInheritance(inheritance).withList(list).withRoot(root).withTree(tree).withHex(hex)
                .withNoUserClasses(noUserClasses);
        if (className != null) {
            o = o.withClassName(className);
        }
        if (key != null) {
            o = o.withKey(key);
        }
        if (name != null) {
            o = o.withName(name);
        }
        if (depth != null) {
            o = o.withDepth(count('d', depth));
        }
        if (width != null) {
            o = o.withWidth(count('w', width));
        }
        LiveSource.check(file, live);
        Snapshot s = live ? LiveSource.read() : SnapshotOutput.warn(load(Path.of(file), plane), err);
        String want = plane != null ? plane
                : s.info().get(IoregTextInfo.PLANE) != null ? IoregTextWriter.optionsFor(s).plane()
                : IORegistryPlane.IOSERVICE;
        if (s.registry().findPlane(want).isEmpty()) {
            String have = s.registry().planes().stream().map(IORegistryPlane::name).collect(Collectors.joining(", "));
            throw new SnapshotException(file, null, "has no plane " + want + " (planes: " + have + ")");
        }
        o = o.withPlane(want);
        if (s.info().containsKey(IoregTextInfo.IDS)) {
            // an ioreg text dump: keep what its ioreg printed (no IDs before ioreg 78, old set brackets), and
            // replay the values that changed between the copies of a two-parent entry
            IoregOptions recorded = IoregTextWriter.optionsFor(s);
            o = o.withShowIds(recorded.showIds()).withSetBrackets(recorded.setBrackets());
            if ("none".equals(propertiesMode(s)) && (o.list() || o.hasCriteria())) {
                err.println("ioscope ioreg: note: " + file + " is a dump without properties; blocks print empty");
            }
        }
        o = o.withReplay(true);
        var sink = new BufferedOutputStream(out, 1 << 16);
        if (o.archive()) {
            IoregArchive.write(s.registry(), o, sink);
        } else {
            IoregTextWriter.write(new Snapshot(s.registry(), s.format(), OSDictionary.empty(), s.source()), o, sink);
        }
        sink.flush();
        return ExitCodes.OK;
    }

    private static String propertiesMode(Snapshot s) {
        return s.info().get(IoregTextInfo.PROPERTIES) instanceof OSString m ? m.value() : "all";
    }

    /** atoi for -d and -w, but a negative or non-numeric value is a usage error rather than a silent 0. */
    private static int count(char option, String arg) throws UsageException {
        try {
            int v = Integer.parseInt(arg);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException("option -" + option + " needs a number of 0 or more, not " + arg);
    }

    /** Loads FILE; an ioreg text dump is read in the plane -p names, since the text does not say. */
    private static Snapshot load(Path path, String plane) throws SnapshotException {
        if (plane == null) {
            return Snapshots.load(path);
        }
        String name = path.toString();
        byte[] data = InputFiles.read(path, ParseLimits.DEFAULT.maxFileBytes());
        String fileName = path.getFileName() == null ? name : path.getFileName().toString();
        SnapshotReader r = Snapshots.detect(data, fileName).orElse(null);
        if (r instanceof IoregTextReader text) {
            try {
                return text.read(data, name, ParseLimits.DEFAULT, plane);
            } catch (RuntimeException e) {
                throw new SnapshotException(name, null, "malformed ioreg text (" + e + ")");
            }
        }
        return Snapshots.read(data, fileName, name, ParseLimits.DEFAULT);
    }
}
