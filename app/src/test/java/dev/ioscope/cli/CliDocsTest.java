package dev.ioscope.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/cli.md, the README and the man page say what the parser does: one synopsis per command, everywhere. */
class CliDocsTest {
    private static Path checkout(String file) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(file)) && Files.isDirectory(p.resolve("engine"))) {
                return p.resolve(file);
            }
        }
        throw new IllegalStateException("no " + file + " above " + Path.of("").toAbsolutePath());
    }

    @Test
    void docsCliMdHoldsEveryUsageAsHelpPrintsIt() throws IOException {
        String doc = Files.readString(checkout("docs/cli.md"));
        assertThat(CliDocs.update(doc)).as("docs/cli.md is stale: run scripts/cli-docs.sh").isEqualTo(doc);
        assertThat(CliDocs.commands()).containsExactly("ioreg", "info", "convert", "match", "run", "report", "dma",
                "boot", "bench");
        for (String c : CliDocs.commands()) {
            // a long synopsis wraps in the usage block (match, report): the block is the help, word for word
            assertThat(doc).contains("<!-- usage: " + c + " -->\n```\n" + CliDocs.usage(c));
            assertThat(CliDocs.usage(c).replaceAll("\\s+", " ")).contains("Usage: " + CliDocs.synopsis(c) + " ");
            assertThat(CliDocs.usage(c)).isEqualTo(CliTest.run("help", c).out()).isEqualTo(CliTest.run(c, "--help")
                    .out());
        }
        assertThat(doc).contains("<!-- usage: ioscope -->\n```\n" + CliTest.run("--help").out() + "```\n");
    }

    @Test
    void theReadmeTableShowsTheSameSynopses() throws IOException {
        String readme = Files.readString(checkout("README.md"));
        for (String c : CliDocs.commands()) {
            assertThat(readme).contains("| `" + CliDocs.synopsis(c) + "` |");
        }
    }

    @Test
    void everyOptionIsInItsCommandsSynopsis() {
        for (String c : CliDocs.commands()) {
            var spec = CliDocs.model().getSubcommands().get(c).getCommandSpec();
            // every line of the synopsis (ioreg has a second one for --live)
            String synopsis = String.join(" ", spec.usageMessage().customSynopsis());
            for (OptionSpec o : spec.options()) {
                if (o.hidden() || o.usageHelp() || o.inherited()) {
                    continue;
                }
                String name = o.longestName();
                boolean shown = synopsis.contains(name) || !name.startsWith("--")
                        && synopsis.matches(".*\\[-[a-zA-Z]*" + name.charAt(1) + "[a-zA-Z]*].*");
                assertThat(shown).as(c + " " + name + " in " + synopsis).isTrue();
            }
        }
    }

    @Test
    void theManPageAndTheCompletionCoverEveryCommand() {
        String man = ManPage.render("1.2.3");
        assertThat(man).startsWith(".TH IOSCOPE 1 \"\" \"ioscope 1.2.3\" \"User Commands\"\n");
        for (String c : CliDocs.commands()) {
            assertThat(man).contains(".SS " + c + "\n", ManPage.escape(CliDocs.synopsis(c)));
        }
        assertThat(man).contains(".B 3\ninternal error");
        assertThat(man.lines()).noneMatch(l -> l.startsWith(".") && l.length() > 1 && l.charAt(1) == ' ');
        assertThat(ManPage.escape(".hidden --x \\y")).isEqualTo("\\&.hidden \\-\\-x \\ey");
    }
}
