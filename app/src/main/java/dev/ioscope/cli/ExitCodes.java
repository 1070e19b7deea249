package dev.ioscope.cli;

/** The command line's exit codes (documented in docs/cli.md). */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** A usage error or a request the command refused: unknown command or option, a bad option value. */
    public static final int USAGE = 1;
    /** An input file that cannot be read or is malformed (the message names the file, the place, the problem). */
    public static final int BAD_INPUT = 2;
    /** A bug in IOScope: one line on stderr naming the log file, which holds the stack trace. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
