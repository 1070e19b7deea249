package dev.ioscope.cli;

/**
 * A request the command cannot carry out here although it is well formed (the live registry on a machine with no
 * ioreg): exit 1 with one line, and no synopsis since the command line itself is right.
 */
final class RefusedException extends Exception {
    RefusedException(String message) {
        super(message);
    }
}
