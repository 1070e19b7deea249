package dev.ioscope.cli;

import dev.ioscope.engine.io.OutputException;
import dev.ioscope.engine.io.SafeOutput;
import dev.ioscope.engine.machine.JsonFileKind;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.logging.LogSetup;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Properties;

/**
 * The headless command line: {@code ioscope COMMAND [OPTIONS]}, parsed by picocli from the commands' annotations.
 * Never touches JavaFX. Maps what goes wrong to one line and an exit code ({@link ExitCodes}): usage errors 1
 * (with the synopsis), bad input 2 (file, place, problem), internal errors 3 (the stack trace in the log file,
 * whose path the line names).
 */
public final class Cli {
    /**
     * Hidden test hook: a command name; that command then fails with an internal error before it starts, so the
     * launcher tests can check exit code 3 and the log file without a real bug to trigger.
     */
    static final String FAIL_FOR_TEST = "ioscope.test.internalError";

    private Cli() {
    }

    /** The commands, in the order help lists them; each built only when a run needs it (start-up cost). */
    private static final Map<String, Function<Streams, Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("ioreg", IoregCommand::new);
        COMMANDS.put("info", InfoCommand::new);
        COMMANDS.put("convert", ConvertCommand::new);
        COMMANDS.put("match", MatchCommand::new);
        COMMANDS.put("run", RunCommand::new);
        COMMANDS.put("report", ReportCommand::new);
        COMMANDS.put("dma", DmaCommand::new);
        COMMANDS.put("boot", BootCommand::new);
        COMMANDS.put("bench", BenchCommand::new);
    }

    /** The whole command tree, writing to the given streams. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return commandLine(out, err, COMMANDS.keySet(), true);
    }

    /**
     * The root and the named commands: picocli reads each command's annotations when it is added, which costs
     * more at start-up than the rest of a {@code --version} run, so a run builds only what its arguments need.
     */
    private static CommandLine commandLine(PrintStream out, PrintStream err, Collection<String> names,
                                           boolean withHelp) {
        Streams io = new Streams(out, err);
        CommandLine cl = new CommandLine(new IOScopeCommand());
        for (String name : names) {
            cl.addSubcommand(COMMANDS.get(name).apply(io));
        }
        if (withHelp) {
            cl.addSubcommand(new HelpCommand());
        }
        for (CommandLine c : cl.getSubcommands().values()) {
            headings(c);
        }
        headings(cl);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        // The same usage text everywhere (help, docs/cli.md, the man page): not the terminal's width.
        cl.setUsageHelpWidth(100);
        // Like getopt (and the hand-written parsers before), a repeated option takes its last value.
        cl.setOverwrittenOptionsAllowed(true);
        return cl;
    }

    /** Blank lines between the parts of a usage text, and headings for its lists. */
    private static void headings(CommandLine c) {
        c.getCommandSpec().usageMessage().descriptionHeading("%n").parameterListHeading("%nArguments:%n")
                .optionListHeading("%nOptions:%n").footerHeading("%n");
    }

    /** The tree a run needs: its command alone, none for a bare {@code --version}, else everything. */
    private static CommandLine commandLineFor(String[] argv, PrintStream out, PrintStream err) {
        List<String> args = List.of(argv);
        String word = args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        if (word != null && COMMANDS.containsKey(word)) {
            return commandLine(out, err, List.of(word), false);
        }
        if (word == null && args.contains("--version") && !args.contains("--help") && !args.contains("-h")) {
            return commandLine(out, err, List.of(), false);
        }
        return commandLine(out, err);
    }

    /** True if {@code word} names a command or {@code help}. */
    public static boolean isCommand(String word) {
        return COMMANDS.containsKey(word) || word.equals("help");
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length == 1 && argv[0].equals("--version")) {
            // The one answer that needs no parser: picocli's model costs more CPU at start-up than the rest of
            // this run (about 0.25 s here), so a bare --version skips it. Same text as picocli's --version
            // (IOScopeCommand.Version); CliTest checks the two agree.
            out.println(versionLine());
            return ExitCodes.OK;
        }
        CommandLine cl = commandLineFor(argv, out, err);
        IOScopeCommand root = cl.getCommand();
        cl.setParameterExceptionHandler((e, args) -> usageError(e.getCommandLine(), e.getMessage(), err));
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, cmd, err));
        cl.setExecutionStrategy(new IExecutionStrategy() {
            @Override
            public int execute(ParseResult parsed) {
                LogSetup.start(LogSetup.Mode.CLI, root.console());
                String fail = System.getProperty(FAIL_FOR_TEST);
                ParseResult last = parsed;
                while (last.subcommand() != null) {
                    last = last.subcommand();
                }
                if (fail != null && last.commandSpec().name().equals(fail)) {
                    // as picocli reports an exception of the command itself, so it takes the same path
                    throw new ExecutionException(last.commandSpec().commandLine(), "test hook",
                            new IllegalStateException("test hook " + FAIL_FOR_TEST + "=" + fail));
                }
                return new RunLast().execute(parsed);
            }
        });
        try {
            int code = cl.execute(argv);
            try {
                SafeOutput.checkStandardOutput(out);   // PrintStream swallows write errors: > /dev/full is not "ok"
            } catch (OutputException e) {
                err.println("ioscope: " + e.getMessage());
                return code == ExitCodes.OK ? ExitCodes.USAGE : code;
            }
            return code;
        } catch (ParameterException e) {
            return usageError(e.getCommandLine(), e.getMessage(), err);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return internal(e, cl, argv, err);
        }
    }

    /** One line, the synopsis, and where to read more: exit 1. */
    private static int usageError(CommandLine cmd, String message, PrintStream err) {
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + message);
        err.print(cmd.getHelp().synopsisHeading() + cmd.getHelp().synopsis(0));
        err.println("Try '" + (cmd.getParent() == null ? "ioscope --help" : "ioscope help " + cmd.getCommandName())
                + "' for more information.");
        return ExitCodes.USAGE;
    }

    private static int failure(Exception e, CommandLine cmd, PrintStream err) {
        String name = cmd.getCommandSpec().qualifiedName();
        if (e instanceof UsageException) {
            return usageError(cmd, e.getMessage(), err);
        }
        if (e instanceof OutputException o) {
            // an OUT IOScope refuses (a directory, the input) or cannot write (a full disk): exit 1, no synopsis
            LoggerFactory.getLogger(Cli.class).debug("{}: output refused or failed", name, e);
            err.println(name + ": " + o.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof RefusedException) {
            err.println(name + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof SnapshotException s) {
            LoggerFactory.getLogger(Cli.class).debug("{}: bad input", name, e);
            err.println(name + ": " + e.getMessage() + hint(cmd.getCommandName(), s.file()));
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof FileSystemException f) {
            // a file named on the command line that cannot be read or written (missing, a folder, no permission)
            LoggerFactory.getLogger(Cli.class).debug("{}: file problem", name, e);
            err.println(name + ": " + describe(f));
            return ExitCodes.BAD_INPUT;
        }
        return internal(e, cmd, null, err);
    }

    /** An internal error: its stack trace in the log, one line naming the log on stderr; exit 3. */
    private static int internal(Throwable e, CommandLine cmd, String[] argv, PrintStream err) {
        String name = cmd.getCommandSpec().qualifiedName();
        Path log = LogSetup.logFile();
        try {
            LoggerFactory.getLogger(Cli.class).error(LogSetup.fileOnly(), "internal error in {}{}", name,
                    argv == null ? "" : " " + String.join(" ", argv), e);
            err.println(name + ": internal error (" + e + "); the stack trace is in " + log);
        } catch (RuntimeException | LinkageError logging) {
            err.println(name + ": internal error (" + e + "); it could not be logged (" + logging + ")");
        }
        return ExitCodes.INTERNAL;
    }

    private static String describe(FileSystemException f) {
        String problem = f instanceof NoSuchFileException ? "no such file"
                : f instanceof AccessDeniedException ? "permission denied"
                : f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
        return (f.getFile() == null ? "" : f.getFile() + ": ") + problem
                + (f.getOtherFile() == null ? "" : " (" + f.getOtherFile() + ")");
    }

    /** What {@code --version} prints. */
    static String versionLine() {
        return "ioscope " + version();
    }

    /** The version from the build (version.properties, filtered by Maven from the parent pom's version). */
    static String version() {
        try (InputStream in = Cli.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.startsWith("$")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall back to the manifest below
        }
        String v = Cli.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** When a registry command was handed a scenario or a machine description: the command that takes it. */
    private static String hint(String command, String file) {
        if (file == null || command.equals("run") || command.equals("boot")) {
            return "";
        }
        try {
            JsonFileKind kind = JsonFileKind.of(Path.of(file));
            if (kind == JsonFileKind.SCENARIO) {
                return System.lineSeparator() + "  (this is a scenario: ioscope run " + file + ")";
            }
            if (kind == JsonFileKind.MACHINE_DESCRIPTION) {
                return System.lineSeparator() + "  (this is a machine description: ioscope boot " + file
                        + " --save OUT)";
            }
        } catch (InvalidPathException e) {
            // not a path (a resource name): no hint
        }
        return "";
    }
}
