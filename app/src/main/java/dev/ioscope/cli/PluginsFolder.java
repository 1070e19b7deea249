package dev.ioscope.cli;

import dev.ioscope.engine.io.FileKind;

import java.nio.file.Path;

/**
 * The {@code --plugins DIR} option of run, report and boot: a folder of plugin jars. A path that is missing or not a
 * folder is refused with one line (exit 1) rather than ignored, so a mistyped path cannot leave a family out silently.
 */
final class PluginsFolder {
    private PluginsFolder() {
    }

    /** The folder, or null when the option was not given. */
    static Path of(String option) throws RefusedException {
        if (option == null) {
            return null;
        }
        Path p = Path.of(option);
        FileKind k = FileKind.of(p);
        if (k == FileKind.DIRECTORY) {
            return p;
        }
        throw new RefusedException("--plugins " + option + ": "
                + (k == FileKind.MISSING ? "no such folder" : "is " + k.words() + ", not a folder of plugin jars"));
    }
}
