package dev.ioscope.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real inputs in {@code ../shared/data} (read-only): system property first, then walking up. */
public final class TestData {
    private static Path root;

    private TestData() {
    }

    public static synchronized Path root() {
        if (root == null) {
            String prop = System.getProperty("ioscope.shared.data");
            if (prop != null && Files.isDirectory(Path.of(prop))) {
                root = Path.of(prop).toAbsolutePath().normalize();
            } else {
                for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
                    Path candidate = p.resolveSibling("shared").resolve("data");
                    if (Files.isDirectory(candidate)) {
                        root = candidate.normalize();
                        break;
                    }
                }
            }
            if (root == null) {
                throw new IllegalStateException("cannot find shared/data beside the checkout");
            }
        }
        return root;
    }

    /** E.g. {@code TestData.path("snapshots/MacBookPro15-1.ioreg")}. */
    public static Path path(String relative) {
        return root().resolve(relative);
    }
}
