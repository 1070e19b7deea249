package dev.ioscope.cli;

/** The command line's exit codes (documented in docs/cli.md). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
