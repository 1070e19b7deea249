package dev.ioscope.cli;

/** A command line the command cannot make sense of: exit code 1 with the message and the usage. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
