package dev.ioscope.installer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The built .deb installed by dpkg itself into a throwaway root ({@code dpkg --root}: dpkg chroots there to run
 * the maintainer scripts, see {@link ScratchRoot}), as a machine without a desktop would: with the xdg tools
 * absent, and with xdg tools that fail as xdg-desktop-menu does on such a machine ("No writable system menu
 * directory found", exit 3). It must configure, link {@code /usr/bin/ioscope}, run, and purge leaving nothing;
 * dpkg never reports it half-configured. Needs root (chroot) and dpkg; skipped otherwise. The launcher cannot run
 * inside these bare roots, so postinst's class-data-sharing dump fails here and must only be reported; where it
 * can run, and an upgrade, are in {@link DebUpgradeIT}.
 */
class DebInstallIT {
    private static final List<String> XDG_TOOLS = List.of("xdg-desktop-menu", "xdg-mime", "xdg-icon-resource");
    private static Path deb;

    @BeforeAll
    static void findDeb() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the .deb is built on Linux only");
        assumeTrue(ScratchRoot.usable(), "needs root (dpkg chroots into the scratch root) and dpkg");
        deb = ScratchRoot.builtDeb();
    }

    @Test
    void installsRunsAndPurgesCleanlyWithoutXdgTools(@TempDir Path dir) throws Exception {
        ScratchRoot root = ScratchRoot.create(dir.resolve("root"));
        Set<String> before = root.files();

        Launched install = root.dpkg("--install", deb.toString());
        assertThat(install.exitCode()).as("dpkg --install: %s", install.err()).isZero();
        assertThat(install.err()).contains("xdg-desktop-menu not found");
        // The launcher cannot run inside this bare root (no libraries, no /proc): the CDS dump, or the check that
        // the carried AOT cache maps, is only reported.
        if (StartupCache.built() == StartupCache.CDS) {
            assertThat(install.err()).contains("class-data sharing archive not made; the launchers start without it");
            assertThat(root.path("opt/ioscope/lib/app/ioscope.jsa")).doesNotExist();
        } else {
            assertThat(install.err()).contains("ahead-of-time cache cannot be used here; the launchers start without");
            assertThat(root.path("opt/ioscope/lib/app/ioscope.aot")).isRegularFile();
        }
        assertThat(root.status("ioscope")).isEqualTo("ii ");
        assertThat(root.audit()).isEmpty();
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
        assertThat(root.status("ioscope")).isEmpty();
        assertThat(root.files()).as("left behind").containsExactlyElementsOf(before);
    }

    @Test
    void failingXdgToolsNeitherStopInstallNorRemove(@TempDir Path dir) throws Exception {
        ScratchRoot root = ScratchRoot.create(dir.resolve("root"));
        for (String tool : XDG_TOOLS) {
            root.script("usr/bin/" + tool, "echo '" + tool + ": No writable system menu directory found.' >&2\nexit 3");
        }
        Set<String> before = root.files();

        Launched install = root.dpkg("--install", deb.toString());
        assertThat(install.exitCode()).as("dpkg --install: %s", install.err()).isZero();
        assertThat(install.err()).contains("'xdg-desktop-menu install").contains("failed (exit 3)");
        assertThat(root.status("ioscope")).isEqualTo("ii ");
        assertThat(root.path("usr/bin/ioscope")).isSymbolicLink();
        assertThat(root.path("opt/ioscope/bin/ioscope-cli")).isExecutable();

        Launched remove = root.dpkg("--remove", "ioscope");
        assertThat(remove.exitCode()).as("dpkg --remove: %s", remove.err()).isZero();
        assertThat(remove.err()).contains("'xdg-desktop-menu uninstall").contains("failed (exit 3)");
        assertThat(root.status("ioscope")).as("removed, only its configuration left for purge").isEqualTo("rc ");
        assertThat(root.audit()).isEmpty();
        assertThat(root.path("usr/bin/ioscope")).doesNotExist();
        Launched purge = root.dpkg("--purge", "ioscope");
        assertThat(purge.exitCode()).as("dpkg --purge: %s", purge.err()).isZero();
        assertThat(root.files()).as("left behind").containsExactlyElementsOf(before);
    }

    @Test
    void workingXdgToolsAreRunForEachDesktopFileAndUndoneOnRemove(@TempDir Path dir) throws Exception {
        ScratchRoot root = ScratchRoot.create(dir.resolve("root"));
        for (String tool : XDG_TOOLS) {
            root.script("usr/bin/" + tool, "echo \"" + tool + " $*\" >> /tmp/xdg-calls");
        }
        Path calls = root.path("tmp/xdg-calls");

        Launched install = root.dpkg("--install", deb.toString());
        assertThat(install.exitCode()).as("dpkg --install: %s", install.err()).isZero();
        assertThat(install.err()).doesNotContain("not registered").doesNotContain("failed (exit");
        assertThat(Files.readAllLines(calls)).contains(
                "xdg-desktop-menu install /opt/ioscope/lib/ioscope-IOScope.desktop",
                "xdg-mime install /opt/ioscope/lib/ioscope-IOScope-MimeInfo.xml");
        Files.delete(calls);

        Launched purge = root.dpkg("--purge", "ioscope");
        assertThat(purge.exitCode()).as("dpkg --purge: %s", purge.err()).isZero();
        assertThat(Files.readAllLines(calls)).contains(
                "xdg-desktop-menu uninstall /opt/ioscope/lib/ioscope-IOScope.desktop",
                "xdg-mime uninstall /opt/ioscope/lib/ioscope-IOScope-MimeInfo.xml");
    }

    @Test
    void aForeignUsrBinIoscopeIsLeftAlone(@TempDir Path dir) throws Exception {
        ScratchRoot root = ScratchRoot.create(dir.resolve("root"));
        root.script("usr/bin/ioscope", "echo someone else's ioscope");
        String foreign = Files.readString(root.path("usr/bin/ioscope"));

        Launched install = root.dpkg("--install", deb.toString());
        assertThat(install.exitCode()).as("dpkg --install: %s", install.err()).isZero();
        assertThat(install.err()).contains("/usr/bin/ioscope exists and is not IOScope's");
        assertThat(root.status("ioscope")).isEqualTo("ii ");
        assertThat(root.path("usr/bin/ioscope")).isRegularFile().hasContent(foreign);

        Launched purge = root.dpkg("--purge", "ioscope");
        assertThat(purge.exitCode()).as("dpkg --purge: %s", purge.err()).isZero();
        assertThat(root.path("usr/bin/ioscope")).isRegularFile().hasContent(foreign);
    }

    @Test
    void aForeignLinkIsLeftAloneToo(@TempDir Path dir) throws Exception {
        ScratchRoot root = ScratchRoot.create(dir.resolve("root"));
        Files.createSymbolicLink(root.path("usr/bin/ioscope"), Path.of("/usr/local/bin/other-ioscope"));

        Launched install = root.dpkg("--install", deb.toString());
        assertThat(install.exitCode()).as("dpkg --install: %s", install.err()).isZero();
        assertThat(install.err()).contains("/usr/bin/ioscope exists and is not IOScope's");
        Launched purge = root.dpkg("--purge", "ioscope");
        assertThat(purge.exitCode()).as("dpkg --purge: %s", purge.err()).isZero();
        assertThat(Files.readSymbolicLink(root.path("usr/bin/ioscope")))
                .isEqualTo(Path.of("/usr/local/bin/other-ioscope"));
    }
}
