package dev.ioscope.cli;

import picocli.CommandLine;

import java.util.List;

/**
 * ioscope(1) in roff, from the picocli model: NAME, SYNOPSIS, DESCRIPTION, one subsection per command holding
 * its usage text, EXIT STATUS and FILES. Written at build time by {@link CliArtifacts}.
 */
final class ManPage {
    private ManPage() {
    }

    static String render(String version) {
        CommandLine root = CliDocs.model();
        StringBuilder sb = new StringBuilder();
        sb.append(".TH IOSCOPE 1 \"\" \"ioscope ").append(escape(version)).append("\" \"User Commands\"\n");
        sb.append(".SH NAME\nioscope \\- IORegistry explorer and I/O Kit driver workbench\n");
        sb.append(".SH SYNOPSIS\n.nf\n");
        for (String line : root.getCommandSpec().usageMessage().customSynopsis()) {
            sb.append(escape(line.strip())).append('\n');
        }
        for (String c : CliDocs.commands()) {
            sb.append(escape(CliDocs.synopsis(c))).append('\n');
        }
        sb.append(".fi\n.SH DESCRIPTION\n");
        for (String line : root.getCommandSpec().usageMessage().description()) {
            sb.append(escape(line)).append('\n');
        }
        sb.append(".SH COMMANDS\n");
        for (String c : CliDocs.commands()) {
            sb.append(".SS ").append(c).append('\n').append(".nf\n");
            block(sb, CliDocs.usage(c).lines().toList());
            sb.append(".fi\n");
        }
        sb.append(".SH OPTIONS\n.nf\n");
        block(sb, CliDocs.usage("ioscope").lines().dropWhile(l -> !l.startsWith("Options:")).skip(1)
                .takeWhile(l -> !l.isBlank()).toList());
        sb.append(".fi\n.SH EXIT STATUS\n");
        exit(sb, ExitCodes.OK, "success");
        exit(sb, ExitCodes.USAGE, "usage error, or a request the command refused");
        exit(sb, ExitCodes.BAD_INPUT, "an input file that cannot be read or is malformed");
        exit(sb, ExitCodes.INTERNAL, "internal error: the stack trace is in the log file");
        sb.append(".SH FILES\n.TP\n$XDG_DATA_HOME/ioscope/logs/ioscope.log "
                + "(~/.local/share/ioscope/logs/ioscope.log)\n")
                .append("the log; ~/Library/Logs/IOScope on macOS, %LOCALAPPDATA%\\eIOScope\\elogs on Windows; "
                        + "the system property ioscope.log.dir chooses another folder\n");
        sb.append(".SH SEE ALSO\nioreg(8); docs/cli.md in the IOScope sources\n");
        return sb.toString();
    }

    private static void block(StringBuilder sb, List<String> lines) {
        for (String line : lines) {
            sb.append(escape(line)).append('\n');
        }
    }

    private static void exit(StringBuilder sb, int code, String meaning) {
        sb.append(".TP\n.B ").append(code).append('\n').append(meaning).append('\n');
    }

    /** Backslashes and hyphens as roff wants them; a line may not start with a control character. */
    static String escape(String line) {
        String s = line.replace("\\", "\\e").replace("-", "\\-");
        return s.startsWith(".") || s.startsWith("'") ? "\\&" + s : s;
    }
}
