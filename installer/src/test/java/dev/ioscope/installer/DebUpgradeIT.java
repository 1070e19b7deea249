package dev.ioscope.installer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The .deb's whole life in a scratch root where its launcher can really run, as postinst runs it (chrooted, with
 * the runtime's libraries and /proc there): install, the class-data-sharing archive postinst dumps, an upgrade
 * over itself, remove and purge, with dpkg's state checked at every step (never half-configured) and the root
 * listed before and after (nothing left behind). Needs root, dpkg and a mount namespace for /proc; skipped
 * otherwise. The bare-root cases (no libraries: the dump fails and is only reported) are in {@link DebInstallIT}.
 */
class DebUpgradeIT {
    private static final StartupCache CACHE = StartupCache.built();
    private static final String CACHE_FILE = "opt/ioscope/lib/app/" + CACHE.file();
    private static Path deb;

    @BeforeAll
    static void findDeb(@TempDir Path probe) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the .deb is built on Linux only");
        assumeTrue(ScratchRoot.usable(), "needs root (dpkg chroots into the scratch root) and dpkg");
        assumeTrue(ScratchRoot.canMountProc(probe), "needs unshare --mount-proc (a mount namespace)");
        deb = ScratchRoot.builtDeb();
    }

    @Test
    void installLeavesAMappedStartupCacheUpgradeKeepsItAndRemovePurgeLeaveNothing(@TempDir Path dir) throws Exception {
        ScratchRoot root = ScratchRoot.create(dir.resolve("root"));
        root.addLibrariesOf(Path.of(System.getProperty("ioscope.installer.appImage")));
        Set<String> before = root.files();

        Launched install = Launched.run(root.withProc(root.dpkgCommand("--install", deb.toString())));
        assertThat(install.exitCode()).as("dpkg --install: %s", install.err()).isZero();
        assertThat(install.err()).doesNotContain("class-data sharing archive not made")
                .doesNotContain("ahead-of-time cache cannot be used");
        assertThat(root.status("ioscope")).isEqualTo("ii ");
        assertThat(root.path(CACHE_FILE)).isRegularFile();
        assertUsesTheArchive(root);
        Set<String> installed = root.files();

        // Upgrade: the same package over itself (prerm upgrade, unpack, postrm upgrade, postinst configure).
        Launched upgrade = Launched.run(root.withProc(root.dpkgCommand("--install", deb.toString())));
        assertThat(upgrade.exitCode()).as("dpkg --install again: %s", upgrade.err()).isZero();
        assertThat(upgrade.err()).doesNotContain("class-data sharing archive not made").doesNotContain("not IOScope's")
                .doesNotContain("ahead-of-time cache cannot be used");
        assertThat(root.status("ioscope")).isEqualTo("ii ");
        assertThat(root.audit()).isEmpty();
        assertThat(root.files()).as("after the upgrade").containsExactlyElementsOf(installed);
        assertThat(Files.readSymbolicLink(root.path("usr/bin/ioscope")))
                .isEqualTo(Path.of("../../opt/ioscope/bin/ioscope-cli"));
        assertUsesTheArchive(root);

        Launched remove = Launched.run(root.withProc(root.dpkgCommand("--remove", "ioscope")));
        assertThat(remove.exitCode()).as("dpkg --remove: %s", remove.err()).isZero();
        assertThat(root.status("ioscope")).isEqualTo("rc ");
        assertThat(root.audit()).isEmpty();
        // No conffiles: remove already takes every file, the archive dpkg never knew included.
        assertThat(root.files()).as("left behind by remove").containsExactlyElementsOf(before);

        Launched purge = Launched.run(root.withProc(root.dpkgCommand("--purge", "ioscope")));
        assertThat(purge.exitCode()).as("dpkg --purge: %s", purge.err()).isZero();
        assertThat(root.status("ioscope")).isEmpty();
        assertThat(root.files()).as("left behind by purge").containsExactlyElementsOf(before);
    }

    /**
     * The installed launcher, run where it was installed (inside the root), maps the start-up cache: with
     * -Xshare:on (a JDK 17 archive) or -XX:AOTMode=on (a Java 25 AOT cache) the JVM refuses to start rather than
     * run without it ("Unable to use shared archive" / "Unable to map shared spaces", checked by hand by moving the
     * cache away). A JDK 17 archive names the jar's path, so only one made at /opt/ioscope works; the AOT cache
     * was made in the build's app image and maps here because the jar and the runtime moved together.
     */
    private static void assertUsesTheArchive(ScratchRoot root) throws Exception {
        // the launcher itself, and through postinst's link /usr/bin/ioscope (the script finds the image from it)
        for (String launcher : List.of("/opt/ioscope/bin/ioscope-cli", "/usr/bin/ioscope")) {
            Launched run = Launched.run(root.chrooted(launcher, "--version"),
                    Map.of("JAVA_TOOL_OPTIONS", CACHE.required()));
            assertThat(run.exitCode()).as("%s --version with %s: %s", launcher, CACHE.required(), run.err()).isZero();
            assertThat(run.out()).startsWith("ioscope ");
        }
    }
}
