package dev.ioscope.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real inputs in {@code ../shared/data} (read-only): system property first, then walking up. */
public final class TestData {
    private TestData() {
    }

    public static Path path(String relative) {
        String prop = System.getProperty("ioscope.shared.data");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop).resolve(relative).normalize();
        }
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate.resolve(relative).normalize();
            }
        }
        throw new IllegalStateException("cannot find shared/data beside the checkout");
    }
}
