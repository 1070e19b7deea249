package dev.ioscope.installer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The built .rpm installed by rpm itself into a throwaway root ({@code rpm --root}, its database inside the root;
 * rpm chroots there to run the scriptlets), as a machine without a desktop would: xdg tools absent, and xdg tools
 * failing with exit 3. It must install, link {@code /usr/bin/ioscope}, run, upgrade over itself, and erase leaving
 * nothing; where the launcher can run inside the root, the post scriptlet's class-data-sharing archive is made.
 * Needs root, rpm and a built .rpm (the build makes one where rpmbuild is installed); skipped otherwise.
 */
class RpmInstallIT {
    private static Optional<Path> built = Optional.empty();
    private static boolean rpmUsable;
    private Path rpmFile;

    @BeforeAll
    static void findRpm() throws Exception {
        if (System.getProperty("os.name").startsWith("Linux")) {
            rpmUsable = ScratchRoot.rpmUsable();
            built = ScratchRoot.builtRpm();
        }
    }

    /** Per test, so a machine without rpm reports each of them skipped, with the reason, rather than none run. */
    @BeforeEach
    void needsAnRpm() {
        assumeTrue(built.isPresent(), "no .rpm built (Linux with rpmbuild only: apt-get install rpm)");
        assumeTrue(rpmUsable, "needs root (rpm chroots into the scratch root) and rpm");
        rpmFile = built.get();
    }

    @Test
    void installsRunsUpgradesAndErasesCleanlyWithoutXdgTools(@TempDir Path dir) throws Exception {
        ScratchRoot root = ScratchRoot.create(dir.resolve("root"));
        Set<String> before = root.files();

        Launched install = root.rpm("--install", "--nodeps", rpmFile.toString());
        assertThat(install.exitCode()).as("rpm --install: %s", install.err()).isZero();
        // the launcher cannot run in this bare root: the CDS dump, or the AOT cache's check, is only reported
        assertThat(install.err()).contains("xdg-desktop-menu not found").contains(
                StartupCache.built() == StartupCache.CDS ? "class-data sharing archive not made"
                        : "ahead-of-time cache cannot be used here");
        assertThat(root.rpm("--query", "ioscope").out()).startsWith("ioscope-");
        assertThat(Files.readSymbolicLink(root.path("usr/bin/ioscope")))
                .isEqualTo(Path.of("../../opt/ioscope/bin/ioscope-cli"));
        Launched version = Launched.run(List.of(root.path("usr/bin/ioscope").toString(), "--version"));
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("ioscope ");
        Set<String> installed = root.files();

        // Upgrade: the same package over itself (new post scriptlet, then the old preun and postun with $1 = 1).
        Launched upgrade = root.rpm("--upgrade", "--replacepkgs", "--nodeps", rpmFile.toString());
        assertThat(upgrade.exitCode()).as("rpm --upgrade: %s", upgrade.err()).isZero();
        assertThat(upgrade.err()).doesNotContain("not IOScope's");
        assertThat(root.files()).as("after the upgrade").containsExactlyElementsOf(installed);
        assertThat(root.path("usr/bin/ioscope")).isSymbolicLink();

        Launched erase = root.rpm("--erase", "ioscope");
        assertThat(erase.exitCode()).as("rpm --erase: %s", erase.err()).isZero();
        assertThat(root.rpm("--query", "ioscope").exitCode()).as("still installed").isNotZero();
        assertThat(root.files()).as("left behind").containsExactlyElementsOf(before);
    }

    @Test
    void failingXdgToolsNeitherStopInstallNorErase(@TempDir Path dir) throws Exception {
        ScratchRoot root = ScratchRoot.create(dir.resolve("root"));
        for (String tool : List.of("xdg-desktop-menu", "xdg-mime", "xdg-icon-resource")) {
            root.script("usr/bin/" + tool, "echo '" + tool + ": No writable system menu directory found.' >&2\nexit 3");
        }
        Set<String> before = root.files();

        Launched install = root.rpm("--install", "--nodeps", rpmFile.toString());
        assertThat(install.exitCode()).as("rpm --install: %s", install.err()).isZero();
        assertThat(install.err()).contains("'xdg-desktop-menu install").contains("failed (exit 3)")
                .doesNotContain("scriptlet failed");
        assertThat(root.path("usr/bin/ioscope")).isSymbolicLink();

        Launched erase = root.rpm("--erase", "ioscope");
        assertThat(erase.exitCode()).as("rpm --erase: %s", erase.err()).isZero();
        assertThat(erase.err()).contains("'xdg-desktop-menu uninstall").doesNotContain("scriptlet failed");
        assertThat(root.rpm("--query", "ioscope").exitCode()).as("still installed").isNotZero();
        assertThat(root.files()).as("left behind").containsExactlyElementsOf(before);
    }

    @Test
    void theStartupCacheIsThereAndMappedWhereTheLauncherCanRunAndErasedWithThePackage(@TempDir Path dir)
            throws Exception {
        assumeTrue(ScratchRoot.canMountProc(dir.resolve("probe")), "needs unshare --mount-proc (a mount namespace)");
        ScratchRoot root = ScratchRoot.create(dir.resolve("root"));
        root.addLibrariesOf(Path.of(System.getProperty("ioscope.installer.appImage")));
        Set<String> before = root.files();

        Launched install = Launched.run(root.withProc(root.rpmCommand("--install", "--nodeps", rpmFile.toString())));
        assertThat(install.exitCode()).as("rpm --install: %s", install.err()).isZero();
        assertThat(install.err()).doesNotContain("class-data sharing archive not made")
                .doesNotContain("ahead-of-time cache cannot be used");
        StartupCache cache = StartupCache.built();
        assertThat(root.path("opt/ioscope/lib/app/" + cache.file())).isRegularFile();
        // -Xshare:on / -XX:AOTMode=on: the JVM refuses to start unless it maps the cache (see DebUpgradeIT)
        Launched run = Launched.run(root.chrooted("/opt/ioscope/bin/ioscope-cli", "--version"),
                Map.of("JAVA_TOOL_OPTIONS", cache.required()));
        assertThat(run.exitCode()).as("ioscope-cli --version with %s: %s", cache.required(), run.err()).isZero();

        Launched erase = Launched.run(root.withProc(root.rpmCommand("--erase", "ioscope")));
        assertThat(erase.exitCode()).as("rpm --erase: %s", erase.err()).isZero();
        assertThat(root.files()).as("left behind").containsExactlyElementsOf(before);
    }

    @Test
    void aForeignUsrBinIoscopeIsLeftAlone(@TempDir Path dir) throws Exception {
        ScratchRoot root = ScratchRoot.create(dir.resolve("root"));
        root.script("usr/bin/ioscope", "echo someone else's ioscope");
        String foreign = Files.readString(root.path("usr/bin/ioscope"));

        Launched install = root.rpm("--install", "--nodeps", rpmFile.toString());
        assertThat(install.exitCode()).as("rpm --install: %s", install.err()).isZero();
        assertThat(install.err()).contains("/usr/bin/ioscope exists and is not IOScope's");
        Launched erase = root.rpm("--erase", "ioscope");
        assertThat(erase.exitCode()).as("rpm --erase: %s", erase.err()).isZero();
        assertThat(root.path("usr/bin/ioscope")).isRegularFile().hasContent(foreign);
    }
}
