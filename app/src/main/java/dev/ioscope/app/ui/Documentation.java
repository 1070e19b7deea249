package dev.ioscope.app.ui;

import javafx.application.HostServices;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the documentation is: README.md and docs/*.md beside the build (a run from the source tree finds them
 * above app/target/ioscope.jar). Help ▸ Documentation opens the README in the browser through HostServices when
 * both are there, else says where the documents are and what each covers.
 */
public final class Documentation {
    /** The guides, in reading order, with what each covers. */
    public static final List<String[]> GUIDES = List.of(
            new String[] {"README.md", "what IOScope is, building, the first steps"},
            new String[] {"docs/explorer.md", "the explorer window: tree, inspector, search, comparison, export"},
            new String[] {"docs/workbench.md", "the workbench: run control, journal, matching, power, devices"},
            new String[] {"docs/cli.md", "the ioscope command line"},
            new String[] {"docs/scenarios.md", "scenario files (kexts, actions, breakpoints)"},
            new String[] {"docs/machines.md", "machine descriptions and the virtual Mac"},
            new String[] {"docs/iokit-rules.md", "every I/O Kit rule the engine follows, with its XNU source"});
    private static HostServices hostServices;

    private Documentation() {
    }

    /** Set once by the application at start (null in tests and in windows started without one). */
    public static void setHostServices(HostServices services) {
        hostServices = services;
    }

    /** The documentation found, if any, and the text that says where it is. */
    public record Where(Path readme, String text) {
    }

    public static Where locate() {
        Path readme = findReadme();
        StringBuilder sb = new StringBuilder();
        if (readme != null) {
            sb.append("The documentation is in ").append(readme.getParent()).append(":\n\n");
        } else {
            sb.append("The documentation comes with IOScope's source tree (README.md and the docs folder):\n\n");
        }
        for (String[] g : GUIDES) {
            sb.append("  ").append(g[0]).append(" — ").append(g[1]).append('\n');
        }
        return new Where(readme, sb.toString());
    }

    /** Opens a document in the desktop's browser; false when the app has no HostServices. */
    static boolean open(Path file) {
        if (hostServices == null) {
            return false;
        }
        hostServices.showDocument(file.toUri().toString());
        return true;
    }

    /** docs/examples beside the build (the example scenarios), or null when the app runs without its sources. */
    public static Path examples() {
        Path readme = findReadme();
        Path ex = readme == null ? null : readme.getParent().resolve("docs").resolve("examples");
        return ex != null && Files.isDirectory(ex) ? ex : null;
    }

    /** README.md with a docs folder beside it, walking up from where the app's classes were loaded. */
    private static Path findReadme() {
        try {
            var src = Documentation.class.getProtectionDomain().getCodeSource();
            Path at = src == null ? null : Path.of(src.getLocation().toURI()).toAbsolutePath();
            for (int i = 0; at != null && i < 4; i++, at = at.getParent()) {
                Path readme = at.resolve("README.md");
                if (Files.isRegularFile(readme) && Files.isDirectory(at.resolve("docs"))) {
                    return readme;
                }
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
