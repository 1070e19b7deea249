package dev.ioscope.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real test corpus inside the repository ({@code engine/src/test/resources/real}, see its README.md):
 * the {@code ioscope.corpus} system property set by the build first, then walking up from the working directory
 * to the checkout's root. Read-only: tests that write copy to a temporary folder first.
 */
public final class TestData {
    /** The corpus folder relative to the repository root. */
    public static final String CORPUS = "engine/src/test/resources/real";
    private static Path root;

    private TestData() {
    }

    public static synchronized Path root() {
        if (root == null) {
            String prop = System.getProperty("ioscope.corpus");
            if (prop != null && Files.isDirectory(Path.of(prop))) {
                root = Path.of(prop).toAbsolutePath().normalize();
            } else {
                for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
                    Path candidate = p.resolve(CORPUS);
                    if (Files.isDirectory(candidate)) {
                        root = candidate.normalize();
                        break;
                    }
                }
            }
            if (root == null) {
                throw new IllegalStateException("cannot find the test corpus " + CORPUS + " in the checkout");
            }
        }
        return root;
    }

    /** E.g. {@code TestData.path("snapshots/MacBookPro15-1.ioreg")}. */
    public static Path path(String relative) {
        return root().resolve(relative);
    }
}
