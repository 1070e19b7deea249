package dev.ioscope.engine.snapshot.text;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared real inputs: system property ioscope.shared.data, else shared/data beside the checkout. */
final class TestData {
    private TestData() {
    }

    static Path path(String relative) {
        String prop = System.getProperty("ioscope.shared.data");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop).resolve(relative);
        }
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data");
            if (Files.isDirectory(candidate)) {
                return candidate.resolve(relative);
            }
        }
        throw new IllegalStateException("shared/data not found; set -Dioscope.shared.data");
    }
}
