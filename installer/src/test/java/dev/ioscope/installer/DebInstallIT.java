package dev.ioscope.installer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The built .deb installed by dpkg itself into a throwaway root ({@code dpkg --root}: dpkg chroots there to run
 * the maintainer scripts, see {@link ScratchRoot}), as a machine without a desktop would: with the xdg tools
 * absent, and with xdg tools that fail as xdg-desktop-menu does on such a machine ("No writable system menu
 * directory found", exit 3). It must configure, link {@code /usr/bin/ioscope}, run, and purge leaving nothing.
 * Needs root (chroot) and dpkg; skipped otherwise.
 */
class DebInstallIT {
    private static Path deb;

    @BeforeAll
    static void findDeb() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the .deb is built on Linux only");
        assumeTrue(ScratchRoot.usable(), "needs root (dpkg chroots into the scratch root) and dpkg");
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("ioscope.installer.packageDir")))) {
            deb = s.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst().orElseThrow();
        }
    }

    @Test
    void installsRunsAndPurgesCleanlyWithoutXdgTools(@TempDir Path dir) throws Exception {
        ScratchRoot root = ScratchRoot.create(dir.resolve("root"));
        Set<String> before = root.files();

        Launched install = root.dpkg("--install", deb.toString());
        assertThat(install.exitCode()).as("dpkg --install: %s", install.err()).isZero();
        assertThat(install.err()).contains("xdg-desktop-menu not found");
        assertThat(root.dpkg("--status", "ioscope").out()).contains("Status: install ok installed");
        assertThat(Files.readSymbolicLink(root.path("usr/bin/ioscope")))
                .isEqualTo(Path.of("../../opt/ioscope/bin/ioscope-cli"));

        Launched version = Launched.run(List.of(root.path("usr/bin/ioscope").toString(), "--version"));
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("ioscope ");
        Path snapshot = Path.of(System.getProperty("ioscope.corpus"), "snapshots", "iMac16-1.ioreg");
        Launched info = Launched.run(List.of(root.path("usr/bin/ioscope").toString(), "info", snapshot.toString()));
        assertThat(info.exitCode()).as(info.err()).isZero();
        // 914 entries: IORegistryExplorer's own count for this save (engine/src/test/resources/real/README.md)
        assertThat(info.out()).contains("IORegistryExplorer archive").containsPattern("entries:\\s+914");

        Launched purge = root.dpkg("--purge", "ioscope");
        assertThat(purge.exitCode()).as("dpkg --purge: %s", purge.err()).isZero();
        assertThat(root.files()).as("left behind").containsExactlyElementsOf(before);
    }

    @Test
    void failingXdgToolsNeitherStopInstallNorRemove(@TempDir Path dir) throws Exception {
        ScratchRoot root = ScratchRoot.create(dir.resolve("root"));
        for (String tool : List.of("xdg-desktop-menu", "xdg-mime", "xdg-icon-resource")) {
            root.script("usr/bin/" + tool, "echo '" + tool + ": No writable system menu directory found.' >&2\nexit 3");
        }
        Set<String> before = root.files();

        Launched install = root.dpkg("--install", deb.toString());
        assertThat(install.exitCode()).as("dpkg --install: %s", install.err()).isZero();
        assertThat(install.err()).contains("'xdg-desktop-menu install").contains("failed (exit 3)");
        assertThat(root.path("usr/bin/ioscope")).isSymbolicLink();
        assertThat(root.path("opt/ioscope/bin/ioscope-cli")).isExecutable();

        Launched remove = root.dpkg("--remove", "ioscope");
        assertThat(remove.exitCode()).as("dpkg --remove: %s", remove.err()).isZero();
        assertThat(root.path("usr/bin/ioscope")).doesNotExist();
        Launched purge = root.dpkg("--purge", "ioscope");
        assertThat(purge.exitCode()).as("dpkg --purge: %s", purge.err()).isZero();
        assertThat(root.files()).as("left behind").containsExactlyElementsOf(before);
    }

    @Test
    void aForeignUsrBinIoscopeIsLeftAlone(@TempDir Path dir) throws Exception {
        ScratchRoot root = ScratchRoot.create(dir.resolve("root"));
        root.script("usr/bin/ioscope", "echo someone else's ioscope");
        String foreign = Files.readString(root.path("usr/bin/ioscope"));

        Launched install = root.dpkg("--install", deb.toString());
        assertThat(install.exitCode()).as("dpkg --install: %s", install.err()).isZero();
        assertThat(install.err()).contains("/usr/bin/ioscope exists and is not IOScope's");
        assertThat(root.path("usr/bin/ioscope")).isRegularFile().hasContent(foreign);

        Launched purge = root.dpkg("--purge", "ioscope");
        assertThat(purge.exitCode()).as("dpkg --purge: %s", purge.err()).isZero();
        assertThat(root.path("usr/bin/ioscope")).isRegularFile().hasContent(foreign);
    }

    static Set<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString())
                    .filter(p -> !p.startsWith("var/lib/dpkg") && !p.startsWith("var/log"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
