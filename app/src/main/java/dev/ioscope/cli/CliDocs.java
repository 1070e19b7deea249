package dev.ioscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The usage texts of docs/cli.md, rendered from the picocli model: each block between
 * {@code <!-- usage: COMMAND -->} and {@code <!-- end usage -->} (COMMAND "ioscope" for the overview) is what
 * {@code ioscope help COMMAND} prints. {@code scripts/cli-docs.sh} rewrites the blocks; a test fails while they
 * differ, so the reference cannot drift from the parser.
 */
public final class CliDocs {
    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- usage: ([a-z]+) -->\\n)(.*?)(<!-- end usage -->)", Pattern.DOTALL);

    private CliDocs() {
    }

    /** The whole command tree with colours off: the text every generated document shows. */
    static CommandLine model() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine cl = Cli.commandLine(sink, sink);
        cl.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        return cl;
    }

    /** The command names in the order help lists them (without help itself). */
    static List<String> commands() {
        List<String> names = new ArrayList<>(model().getSubcommands().keySet());
        names.remove("help");
        return names;
    }

    /** What {@code ioscope help COMMAND} prints ({@code ioscope --help} for "ioscope"). */
    static String usage(String command) {
        CommandLine root = model();
        CommandLine c = command.equals("ioscope") ? root : root.getSubcommands().get(command);
        if (c == null) {
            throw new IllegalArgumentException("no command " + command);
        }
        return c.getUsageMessage(root.getColorScheme());
    }

    /** The command's one synopsis, as --help, docs/cli.md and the README's table show it. */
    static String synopsis(String command) {
        return model().getSubcommands().get(command).getCommandSpec().usageMessage().customSynopsis()[0];
    }

    /** {@code markdown} with every usage block rendered afresh. */
    static String update(String markdown) {
        Matcher m = BLOCK.matcher(markdown);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String text = m.group(1) + "```\n" + usage(m.group(2)) + "```\n" + m.group(4);
            m.appendReplacement(sb, Matcher.quoteReplacement(text));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** {@code CliDocs docs/cli.md}: rewrites the file's usage blocks (scripts/cli-docs.sh). */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "docs/cli.md");
        String before = Files.readString(file);
        String after = update(before);
        if (!after.equals(before)) {
            Files.writeString(file, after);
        }
        System.out.println(file + (after.equals(before) ? ": up to date" : ": usage blocks rewritten"));
    }
}
