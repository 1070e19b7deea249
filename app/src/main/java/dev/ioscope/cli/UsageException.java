package dev.ioscope.cli;

/**
 * A command line that parses but that the command refuses (a value out of range, a file it cannot tell the
 * format of): exit code 1 with the message and the command's synopsis, as for picocli's own usage errors.
 */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
