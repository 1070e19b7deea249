package dev.ioscope.app;

import dev.ioscope.engine.os.plist.XmlPlistWriter;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.snapshot.xml.IoregXmlWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --live} through the real launcher: a stand-in ioreg first on the child's PATH answers
 * {@code -a -l -w0 -p PLANE} with a real Mac's registry (iMac16-1.ioreg, 914 entries in 5 planes), and with no
 * ioreg on the PATH the command says so in one line, exit 1.
 */
class LiveRegistryProcessTest {
    static Path bin;

    @BeforeAll
    static void standIn(@TempDir Path dir) throws Exception {
        Snapshot real = Snapshots.load(TestData.path("snapshots/iMac16-1.ioreg"));
        Path dumps = Files.createDirectories(dir.resolve("dumps"));
        for (IORegistryPlane p : real.registry().planes()) {
            try (OutputStream out = Files.newOutputStream(dumps.resolve(p.name() + ".xml"))) {
                new IoregXmlWriter(p.name(), XmlPlistWriter.KeyOrder.SORTED).write(real, out);
            }
        }
        bin = Files.createDirectories(dir.resolve("bin"));
        Path ioreg = bin.resolve("ioreg");
        // answers `ioreg -a -l -w0 -p PLANE` only, as the live reader asks it
        Files.writeString(ioreg, """
                #!/bin/sh
                [ "$1 $2 $3 $4" = "-a -l -w0 -p" ] || { echo "ioreg: unexpected arguments $*" >&2; exit 64; }
                exec cat "$(dirname "$0")/../dumps/$5.xml"
                """);
        assertThat(ioreg.toFile().setExecutable(true)).isTrue();
    }

    static LauncherProcess.Result live(String path, String... args) throws Exception {
        return LauncherProcess.run(Map.of(), Map.of("PATH", path), args);
    }

    @Test
    void infoAndIoregReadEveryPlaneOfThisMac() throws Exception {
        LauncherProcess.Result info = live(bin + ":/usr/bin:/bin", "info", "--live");
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).contains("entries:  912", "IOService            571 entries",
                "IODeviceTree         179 entries");

        LauncherProcess.Result usb = live(bin + ":/usr/bin:/bin", "ioreg", "--live", "-p", "IOUSB");
        assertThat(usb.code()).as(usb.err()).isZero();
        assertThat(usb.out()).contains("+-o Mass Storage Device@14100000  <class IOUSBDevice");
    }

    @Test
    void withNoIoregOnThePathTheLiveRegistryIsRefusedInOneLine(@TempDir Path empty) throws Exception {
        LauncherProcess.Result r = live(empty.toString(), "info", "--live");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("ioscope info: live registry needs macOS (no ioreg on PATH)");
        assertThat(r.out()).isEmpty();

        LauncherProcess.Result both = live(empty.toString(), "ioreg", "--live", "x.ioreg");
        assertThat(both.code()).isEqualTo(1);
        assertThat(both.err()).contains("give FILE or --live, not both");
    }
}
