package dev.ioscope.cli;

import dev.ioscope.engine.snapshot.SnapshotException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headless command line: {@code ioscope <command> [options]}. Never touches JavaFX. Errors print one clear
 * line (file, place, problem) and no stack trace unless {@code --debug} is given.
 */
public final class Cli {
    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command c : List.of(new IoregCommand(), new InfoCommand(), new ConvertCommand(), new MatchCommand(),
                new RunCommand(), new BenchCommand(), new BootCommand())) {
            COMMANDS.put(c.name(), c);
        }
    }

    private Cli() {
    }

    /** True if {@code firstArg} names a subcommand (or asks for help/version), i.e. the run is headless. */
    public static boolean handles(String firstArg) {
        return COMMANDS.containsKey(firstArg) || firstArg.equals("help") || firstArg.equals("--help")
                || firstArg.equals("-h") || firstArg.equals("--version");
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help") || argv[0].equals("-h")) {
            if (argv.length > 1 && COMMANDS.containsKey(argv[1])) {
                out.println(COMMANDS.get(argv[1]).usage());
            } else {
                out.print(overview());
            }
            return ExitCodes.OK;
        }
        if (argv[0].equals("--version")) {
            out.println("ioscope " + version());
            return ExitCodes.OK;
        }
        Command c = COMMANDS.get(argv[0]);
        if (c == null) {
            err.println("ioscope: unknown command '" + argv[0] + "'");
            err.print(overview());
            return ExitCodes.USAGE;
        }
        List<String> args = new ArrayList<>(List.of(argv).subList(1, argv.length));
        boolean debug = args.remove("--debug");
        if (args.contains("--help") || args.contains("-h") && !c.name().equals("ioreg")) {
            out.println(c.usage());
            return ExitCodes.OK;
        }
        try {
            return c.run(args, out, err);
        } catch (UsageException e) {
            err.println("ioscope " + c.name() + ": " + e.getMessage());
            err.println(c.usage());
            return ExitCodes.USAGE;
        } catch (SnapshotException e) {
            err.println("ioscope " + c.name() + ": " + e.getMessage() + hint(c.name(), e.file()));
            if (debug) {
                e.printStackTrace(err);
            }
            return ExitCodes.BAD_INPUT;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            err.println("ioscope " + c.name() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (debug) {
                e.printStackTrace(err);
            }
            return ExitCodes.BAD_INPUT;
        }
    }

    static String version() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static String overview() {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: ioscope [FILE]                open the GUI (on FILE, or on the bundled machine)\n");
        sb.append("       ioscope <command> [options]   run headless\n\ncommands:\n");
        for (Command c : COMMANDS.values()) {
            sb.append(String.format("  %-9s %s%n", c.name(), c.summary()));
        }
        sb.append("\n'ioscope help <command>' shows a command's options. Exit codes: 0 ok, 1 usage, 2 bad input.\n");
        return sb.toString();
    }

    /** When a registry command was handed a scenario or a machine description: the command that takes it. */
    private static String hint(String command, String file) {
        if (file == null || command.equals("run") || command.equals("boot")) {
            return "";
        }
        try {
            var kind = dev.ioscope.engine.machine.JsonFileKind.of(java.nio.file.Path.of(file));
            if (kind == dev.ioscope.engine.machine.JsonFileKind.SCENARIO) {
                return System.lineSeparator() + "  (this is a scenario: ioscope run " + file + ")";
            }
            if (kind == dev.ioscope.engine.machine.JsonFileKind.MACHINE_DESCRIPTION) {
                return System.lineSeparator() + "  (this is a machine description: ioscope boot " + file
                        + " --save OUT)";
            }
        } catch (java.nio.file.InvalidPathException e) {
            // not a path (a resource name): no hint
        }
        return "";
    }
}
