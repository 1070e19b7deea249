package dev.ioscope.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/** What Help ▸ About says: the version and build (filled in by Maven), and the libraries the app bundles. */
public final class AppInfo {
    /** One library in the application's jar, with the licence it is distributed under. */
    public record BundledLibrary(String name, String use, String licence) {
    }

    /** Every third-party library in the fat jar and the installer's image (app/pom.xml and its dependencies). */
    public static final List<BundledLibrary> LIBRARIES = List.of(
            new BundledLibrary("OpenJFX 21", "the user interface toolkit", "GPL 2.0 with the Classpath Exception"),
            new BundledLibrary("AtlantaFX 2.0", "the light and dark themes (Primer)", "MIT"),
            new BundledLibrary("RichTextFX 0.11 (with Flowless, ReactFX, UndoFX, WellBehavedFX)",
                    "the source view and the call history", "BSD 2-Clause"),
            new BundledLibrary("Ikonli 12.3", "vector icons", "Apache 2.0"),
            new BundledLibrary("Material Design Icons (Ikonli pack)", "the icon glyphs", "Apache 2.0"),
            new BundledLibrary("Jackson 2.18", "JSON reading and writing", "Apache 2.0"));

    private final String version;
    private final String build;

    private AppInfo(String version, String build) {
        this.version = version;
        this.build = build;
    }

    /** Read from build.properties; a development run without it says "development". */
    public static AppInfo load() {
        Properties p = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream("/dev/ioscope/app/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // not fatal: About then says "development"
        }
        return new AppInfo(known(p.getProperty("version")), known(p.getProperty("build")));
    }

    private static String known(String v) {
        return v == null || v.isBlank() || v.startsWith("${") ? "development" : v;
    }

    public String version() {
        return version;
    }

    public String build() {
        return build;
    }

    /** The About text: name, version, build, runtime, and each bundled library with its licence. */
    public String aboutText() {
        StringBuilder sb = new StringBuilder();
        sb.append("IOScope ").append(version).append("\nBuild ").append(build)
                .append("\nJava ").append(System.getProperty("java.version"))
                .append(", JavaFX ").append(System.getProperty("javafx.runtime.version", "?"))
                .append("\n\nAn IORegistry explorer and I/O Kit driver workbench.\n\nBundled libraries:\n");
        for (BundledLibrary l : LIBRARIES) {
            sb.append("  ").append(l.name()).append(" — ").append(l.use()).append(" — ").append(l.licence())
                    .append('\n');
        }
        return sb.toString();
    }
}
