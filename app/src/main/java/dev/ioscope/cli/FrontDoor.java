package dev.ioscope.cli;

import dev.ioscope.logging.LogSetup;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code ioscope ARGS} means, decided before anything heavy loads: a command (or an option such as
 * {@code --version}) runs the command line; nothing, or one existing FILE, opens the window (after optional
 * {@code --verbose}/{@code --debug}); any other word is a usage error, never the window.
 *
 * @param route      where the arguments go
 * @param windowArgs for {@link Route#WINDOW}: the file to open, if any
 * @param console    for {@link Route#WINDOW}: what the console shows
 * @param problem    for {@link Route#REFUSED}: the one line to print
 */
public record FrontDoor(Route route, List<String> windowArgs, LogSetup.Console console, String problem) {
    public enum Route { COMMAND_LINE, WINDOW, REFUSED }

    public static FrontDoor of(String... args) {
        int i = 0;
        LogSetup.Console console = LogSetup.Console.QUIET;
        for (; i < args.length && (args[i].equals("--verbose") || args[i].equals("--debug")); i++) {
            if (args[i].equals("--debug") || console == LogSetup.Console.QUIET) {
                console = args[i].equals("--debug") ? LogSetup.Console.DEBUG : LogSetup.Console.VERBOSE;
            }
        }
        if (i == args.length) {
            return new FrontDoor(Route.WINDOW, List.of(), console, null);
        }
        String word = args[i];
        if (word.startsWith("-") || Cli.isCommand(word)) {
            return new FrontDoor(Route.COMMAND_LINE, List.of(), console, null);
        }
        if (!isFile(word)) {
            return refused("'" + word + "' is not a command or a file");
        }
        if (i + 1 < args.length) {
            return refused("the window opens one FILE; '" + args[i + 1] + "' after " + word
                    + " is not expected (a command comes first: ioscope COMMAND ...)");
        }
        return new FrontDoor(Route.WINDOW, Arrays.asList(args).subList(i, args.length), console, null);
    }

    private static FrontDoor refused(String problem) {
        return new FrontDoor(Route.REFUSED, List.of(), LogSetup.Console.QUIET, "ioscope: " + problem);
    }

    private static boolean isFile(String word) {
        try {
            return Files.exists(Path.of(word));
        } catch (InvalidPathException e) {
            return false;   // not a path this system can name, so not a file
        }
    }
}
