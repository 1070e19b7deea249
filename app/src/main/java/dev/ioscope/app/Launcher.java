package dev.ioscope.app;

import dev.ioscope.app.ui.StartTimeline;
import dev.ioscope.cli.Cli;
import dev.ioscope.cli.ExitCodes;
import dev.ioscope.cli.FrontDoor;
import dev.ioscope.logging.LogSetup;

/**
 * The jar's entry point. A command runs the headless command line and never loads JavaFX (so it works with
 * no display); no argument or one existing file opens the window; any other word is refused ({@link FrontDoor}).
 * Deliberately not an {@code Application} subclass, so the fat jar starts from the class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        FrontDoor door = FrontDoor.of(args);
        switch (door.route()) {
            case COMMAND_LINE -> System.exit(Cli.run(args, System.out, System.err));
            case REFUSED -> {
                System.err.println(door.problem());
                System.exit(ExitCodes.USAGE);
            }
            case WINDOW -> {
                StartTimeline.startRecording();
                StartTimeline.mark("main");
                LogSetup.start(LogSetup.Mode.GUI, door.console());
                int code = FxLauncher.launch(door.windowArgs().toArray(String[]::new));
                if (code != ExitCodes.OK) {
                    System.exit(code);
                }
            }
        }
    }
}
