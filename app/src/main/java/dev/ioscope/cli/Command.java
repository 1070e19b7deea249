package dev.ioscope.cli;

import java.io.PrintStream;
import java.util.List;

/** One headless subcommand. Returns an exit code: 0 ok, 1 usage error, 2 unreadable or malformed input. */
interface Command {
    String name();

    /** One line for {@code ioscope --help}. */
    String summary();

    /** The full usage text. */
    String usage();

    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
