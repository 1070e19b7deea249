package dev.ioscope.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real test corpus inside the repository ({@code engine/src/test/resources/real}, see its README.md):
 * the {@code ioscope.corpus} system property set by the build first, then walking up to the checkout's root.
 */
public final class TestData {
    private static final String CORPUS = "engine/src/test/resources/real";

    private TestData() {
    }

    public static Path root() {
        String prop = System.getProperty("ioscope.corpus");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(CORPUS);
            if (Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("cannot find the test corpus " + CORPUS + " in the checkout");
    }

    public static Path path(String relative) {
        return root().resolve(relative).normalize();
    }
}
