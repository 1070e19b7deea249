package dev.ioscope.cli;

import picocli.AutoComplete;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (app/pom.xml, package phase): writes the man page {@code ioscope.1} and the bash/zsh completion
 * script {@code ioscope_completion} into the folder given, both generated from the picocli model.
 */
public final class CliArtifacts {
    private CliArtifacts() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CliArtifacts OUTPUT_FOLDER");
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        Files.writeString(dir.resolve("ioscope.1"), ManPage.render(Cli.version()));
        Files.writeString(dir.resolve("ioscope_completion"), AutoComplete.bash("ioscope", CliDocs.model()));
    }
}
