package dev.ioscope.installer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Linux package, read with dpkg-deb as apt would: control fields, the files it installs, and the launcher
 * it installs really running once unpacked (dpkg-deb -x into a scratch directory; nothing is installed).
 */
class DebPackageIT {
    private static Path deb;

    @BeforeAll
    static void findDeb() throws IOException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the .deb is built on Linux only");
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("ioscope.installer.packageDir")))) {
            deb = s.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst().orElseThrow();
        }
    }

    @Test
    void controlDeclaresTheGuisNativeDependencies() throws Exception {
        Launched r = Launched.run(List.of("dpkg-deb", "-f", deb.toString(), "Package", "Version", "Depends"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Package: ioscope").contains("Version: 0.1.0");
        String depends = r.out().lines().filter(l -> l.startsWith("Depends:")).findFirst().orElseThrow();
        // JavaFX's glass loads GTK 3 and libXtst from inside the jar, where jpackage's dependency scan cannot see.
        assertThat(depends).contains("libgtk-3-0").contains("libxtst6");
    }

    @Test
    void maintainerScriptsLinkTheCommandLineIntoPathAndParse(@TempDir Path control) throws Exception {
        assertThat(Launched.run(List.of("dpkg-deb", "-e", deb.toString(), control.toString())).exitCode()).isZero();
        String postinst = Files.readString(control.resolve("postinst"));
        assertThat(postinst).contains("TARGET=../../opt/ioscope/bin/ioscope-cli")
                .contains("ln -s \"$TARGET\" \"$LINK\"")
                .contains("xdg-mime install /opt/ioscope/lib/ioscope-IOScope-MimeInfo.xml");
        // jpackage's desktop commands run one by one through try(), never bare under set -e (DebInstallIT runs them)
        assertThat(postinst.lines().filter(l -> l.startsWith("xdg-"))).allMatch(l -> postinst.indexOf(l)
                > postinst.indexOf("<<'COMMANDS'"));
        assertThat(Files.readString(control.resolve("postrm"))).contains("rm -f \"$LINK\"");
        for (String script : List.of("postinst", "postrm", "prerm", "preinst")) {
            Launched r = Launched.run(List.of("sh", "-n", control.resolve(script).toString()));
            assertThat(r.exitCode()).as("sh -n %s: %s", script, r.err()).isZero();
        }
    }

    @Test
    void unpackedPackageHoldsLaunchersDesktopEntryAndMimeTypesAndRuns(@TempDir Path root) throws Exception {
        assertThat(Launched.run(List.of("dpkg-deb", "-x", deb.toString(), root.toString())).exitCode()).isZero();
        Path opt = root.resolve("opt/ioscope");
        assertThat(opt.resolve("bin/IOScope")).isExecutable();
        assertThat(opt.resolve("bin/ioscope-cli")).isExecutable();
        // the build's sh launchers (ScriptLaunchersIT), not jpackage's native one, which asks dpkg who owns it
        for (String name : List.of("IOScope", "ioscope-cli")) {
            assertThat(Files.readString(opt.resolve("bin/" + name))).as(name).startsWith("#!/bin/sh\n");
            assertThat(opt.resolve("lib/app/" + name + ".cfg")).doesNotExist();
        }
        assertThat(opt.resolve("lib/libapplauncher.so")).doesNotExist();
        assertThat(opt.resolve("lib/runtime/bin/java")).isExecutable();
        assertThat(opt.resolve("lib/app/ioscope.jar")).isRegularFile();
        // The menu entries show IOScope's icon (icons module, 512 px), not jpackage's default Java cup.
        Path icon = Path.of(System.getProperty("ioscope.installer.iconFile"));
        assertThat(Files.mismatch(opt.resolve("lib/IOScope.png"), icon)).as("lib/IOScope.png vs %s", icon)
                .isEqualTo(-1L);
        assertThat(Files.mismatch(opt.resolve("lib/ioscope-cli.png"), icon)).as("lib/ioscope-cli.png").isEqualTo(-1L);

        String desktop = Files.readString(opt.resolve("lib/ioscope-IOScope.desktop"));
        // %f: a double-clicked file reaches the app as its argument (jpackage's own template passes none).
        assertThat(desktop).contains("Exec=/opt/ioscope/bin/IOScope %f").contains("Icon=/opt/ioscope/lib/IOScope.png")
                .contains("application/x-ioreg").contains("application/x-device-tree-blob")
                .contains("application/x-ioscope-scenario+json");
        assertThat(Files.readString(opt.resolve("lib/ioscope-ioscope-cli.desktop"))).contains("NoDisplay=true");
        String mime = Files.readString(opt.resolve("lib/ioscope-IOScope-MimeInfo.xml"));
        assertThat(mime).contains("*.ioreg").contains("*.dtb").contains("*.ioscope-scenario.json");

        Launched r = Launched.run(List.of(opt.resolve("bin/IOScope").toString(), "--version"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("ioscope ");
    }
}
