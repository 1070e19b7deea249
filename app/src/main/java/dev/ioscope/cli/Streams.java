package dev.ioscope.cli;

import java.io.PrintStream;

/** Where a command writes: its standard output and standard error (in-process tests pass their own). */
record Streams(PrintStream out, PrintStream err) {
}
