package dev.ioscope.cli;

import dev.ioscope.logging.LogSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ioscope}: the top of the command tree, with the options every command takes. */
@Command(name = "ioscope",
        customSynopsis = {
            "ioscope [--verbose|--debug] [FILE]",
            "       ioscope [--verbose|--debug] COMMAND [OPTIONS] [ARGS]",
            "       ioscope help [COMMAND]",
            "       ioscope --version"},
        description = "An IORegistry explorer and I/O Kit driver workbench. With no COMMAND it opens the window (on "
            + "FILE, or on the bundled virtual Mac); a COMMAND runs headless and needs no display.",
        commandListHeading = "%nCommands:%n",
        footer = {
            "'ioscope help COMMAND' shows a command's options.",
            "Exit codes: 0 ok, 1 usage error or refused, 2 bad input file, 3 internal error (see the log file)."},
        versionProvider = IOScopeCommand.Version.class)
final class IOScopeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--version", versionHelp = true, description = "Print the version and exit.")
    boolean version;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Also show informational messages on standard error.")
    boolean verbose;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show debug messages, with stack traces, on standard error.")
    boolean debug;

    /** What the console shows for these options. */
    LogSetup.Console console() {
        return debug ? LogSetup.Console.DEBUG : verbose ? LogSetup.Console.VERBOSE : LogSetup.Console.QUIET;
    }

    /** {@code ioscope} with options but no command (the launcher opens the window instead): the overview. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** The version in the jar's manifest (Implementation-Version, from the pom); "dev" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Cli.versionLine()};
        }
    }
}
