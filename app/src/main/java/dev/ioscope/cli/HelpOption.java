package dev.ioscope.cli;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} for a command (ioreg has only {@code --help}: its getopt knows no {@code -h}). */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
