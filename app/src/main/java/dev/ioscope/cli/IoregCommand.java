package dev.ioscope.cli;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotReader;
import dev.ioscope.engine.snapshot.Snapshots;
import dev.ioscope.engine.snapshot.text.IoregArchive;
import dev.ioscope.engine.snapshot.text.IoregOptions;
import dev.ioscope.engine.snapshot.text.IoregTextInfo;
import dev.ioscope.engine.snapshot.text.IoregTextReader;
import dev.ioscope.engine.snapshot.text.IoregTextWriter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code ioscope ioreg [flags] FILE}: prints a snapshot as Apple's {@code ioreg} prints the live registry, with
 * ioreg's own flags parsed the way its getopt does ({@code ":abc:d:fik:ln:p:rsStw:xy"}: combined flags such as
 * {@code -lw0}, an option's argument attached or in the next word).
 */
final class IoregCommand implements Command {
    private static final String FLAGS = "abc:d:fik:ln:p:rsStw:xy";

    @Override
    public String name() {
        return "ioreg";
    }

    @Override
    public String summary() {
        return "print a snapshot as Apple's ioreg prints the live registry (same flags)";
    }

    @Override
    public String usage() {
        return """
                usage: ioscope ioreg [-abfilrtxy] [-c class] [-d depth] [-k key] [-n name] [-p plane] [-w width] FILE
                  -a archive output (XML plist)          -b show object name in bold
                  -c list properties of objects with the given class
                  -d limit tree to the given depth        -f enable smart formatting
                  -i show object inheritance              -k list properties of objects with the given key
                  -l list properties of all objects       -n list properties of objects with the given name
                  -p traverse registry over the given plane (IOService is default; for an ioreg text FILE,
                     the plane the dump shows, which the text itself does not name)
                  -r show subtrees rooted by the given criteria
                  -t show location of each subtree        -w clip output to the given line width (0, the
                     default here, is unlimited)          -x show data and numbers as hexadecimal
                  -y do not consider DriverKit classes with -c
                  -s, -S are accepted and ignored, as by ioreg itself. See docs/cli.md.""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        IoregOptions o = IoregOptions.DEFAULT;
        String plane = null;
        String file = null;
        boolean optionsDone = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (optionsDone || !a.startsWith("-") || a.equals("-")) {
                if (file != null) {
                    throw new UsageException("more than one FILE: " + file + ", " + a);
                }
                file = a;
                continue;
            }
            if (a.equals("--")) {
                optionsDone = true;
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                int at = FLAGS.indexOf(c);
                if (at < 0 || c == ':') {
                    throw new UsageException("unknown option -" + c);
                }
                String arg = null;
                if (at + 1 < FLAGS.length() && FLAGS.charAt(at + 1) == ':') {
                    if (j + 1 < a.length()) {
                        arg = a.substring(j + 1);
                    } else if (i + 1 < args.size()) {
                        arg = args.get(++i);
                    } else {
                        throw new UsageException("option -" + c + " needs an argument");
                    }
                    j = a.length();
                }
                switch (c) {
                    case 'a' -> o = o.withArchive(true);
                    case 'b' -> o = o.withBold(true);
                    case 'c' -> o = o.withClassName(arg);
                    case 'd' -> o = o.withDepth(count(c, arg));
                    case 'f' -> o = o.withFormat(true);
                    case 'i' -> o = o.withInheritance(true);
                    case 'k' -> o = o.withKey(arg);
                    case 'l' -> o = o.withList(true);
                    case 'n' -> o = o.withName(arg);
                    case 'p' -> plane = arg;
                    case 'r' -> o = o.withRoot(true);
                    case 't' -> o = o.withTree(true);
                    case 'w' -> o = o.withWidth(count(c, arg));
                    case 'x' -> o = o.withHex(true);
                    case 'y' -> o = o.withNoUserClasses(true);
                    default -> {
                        // -s and -S: ioreg accepts and ignores them
                    }
                }
            }
        }
        if (file == null) {
            throw new UsageException("needs a snapshot FILE");
        }
        Snapshot s = load(Path.of(file), plane);
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
        return s.info().get(IoregTextInfo.PROPERTIES) instanceof dev.ioscope.engine.os.OSString m ? m.value() : "all";
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
        byte[] data;
        try (InputStream in = Files.newInputStream(path)) {
            if (Files.size(path) > ParseLimits.DEFAULT.maxFileBytes()) {
                throw new SnapshotException(name, null, "file too large");
            }
            data = in.readAllBytes();
        } catch (NoSuchFileException e) {
            throw new SnapshotException(name, null, "no such file");
        } catch (IOException e) {
            throw new SnapshotException(name, null, "cannot read: " + e.getMessage());
        }
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
