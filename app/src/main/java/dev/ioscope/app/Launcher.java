package dev.ioscope.app;

import dev.ioscope.cli.Cli;

/**
 * The jar's entry point. A subcommand runs the headless command line and never loads JavaFX (so it works with
 * no display); anything else starts the GUI, opening the file argument if there is one. Deliberately not an
 * {@code Application} subclass, so the fat jar starts from the class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && Cli.handles(args[0])) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        FxLauncher.launch(args);
    }
}
