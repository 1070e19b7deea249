package dev.ioscope.cli;

import dev.ioscope.app.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 through the command line: each case one line on stderr and its exit code; nothing else touched. */
class HostileInputsCliTest {
    @TempDir
    Path dir;

    private static String real(String name) {
        return TestData.path("snapshots/" + name).toString();
    }

    @Test
    void aFifoInputIsRefusedNotWaitedOn() throws Exception {
        Path fifo = dir.resolve("in.ioreg");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CliTest.Result r = CliTest.run("info", fifo.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("ioscope info: " + fifo
                + ": is a FIFO (named pipe), not a regular file; IOScope reads only regular files\n");
    }

    @Test
    void aFifoOrADeviceGivenToMatchKextsIsRefusedNotWaitedOn() throws Exception {
        // listing a FIFO as a folder opens it, which blocks until a writer comes: match used to hang here
        Path fifo = dir.resolve("k.plist");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CliTest.Result r = CliTest.run("match", real("MacBookPro8-1.IOService.txt"), "--kexts", fifo.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("ioscope match: " + fifo + ": is a FIFO (named pipe), not a kext, a plist or a "
                + "folder; IOScope reads only regular files and folders\n");
        CliTest.Result dev = CliTest.run("match", real("MacBookPro8-1.IOService.txt"), "--kexts", "/dev/null");
        assertThat(dev.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(dev.err()).startsWith("ioscope match: /dev/null: is a character device, not a kext");
        // in a folder: said and skipped, the rest read
        Path folder = Files.createDirectory(dir.resolve("kexts"));
        Files.copy(TestData.path("kexts/Lilu/Info.plist"), folder.resolve("Lilu-Info.plist"));
        Path inside = folder.resolve("x.plist");
        assertThat(new ProcessBuilder("mkfifo", inside.toString()).start().waitFor()).isZero();
        CliTest.Result walk = CliTest.run("match", real("MacBookPro8-1.IOService.txt"), "--kexts", folder.toString());
        assertThat(walk.code()).isZero();
        assertThat(walk.err())
                .contains("warning: " + inside + ": is a FIFO (named pipe), not a regular file; not read\n");
        assertThat(walk.out()).contains("from 1 kext path(s)");
    }

    @Test
    void aPluginsPathThatIsNotAFolderIsRefusedNotIgnored() throws Exception {
        String scenario = Path.of("../docs/examples/power-sleep-wake.json").toString();
        Path fifo = dir.resolve("plugins");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        for (String[] args : new String[][] {{"run", scenario}, {"report", scenario}, {"boot"}}) {
            String[] withFifo = Arrays.copyOf(args, args.length + 2);
            withFifo[args.length] = "--plugins";
            withFifo[args.length + 1] = fifo.toString();
            CliTest.Result r = CliTest.run(withFifo);
            assertThat(r.code()).as(args[0]).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(args[0]).isEqualTo("ioscope " + args[0] + ": --plugins " + fifo
                    + ": is a FIFO (named pipe), not a folder of plugin jars\n");
            withFifo[args.length + 1] = dir.resolve("missing").toString();
            CliTest.Result missing = CliTest.run(withFifo);
            assertThat(missing.code()).as(args[0]).isEqualTo(ExitCodes.USAGE);
            assertThat(missing.err()).as(args[0]).isEqualTo("ioscope " + args[0] + ": --plugins "
                    + dir.resolve("missing") + ": no such folder\n");
        }
    }

    @Test
    void benchKeepOntoAFifoIsRefusedNotWaitedOn() throws Exception {
        Path fifo = dir.resolve("keep.xml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CliTest.Result r = CliTest.run("bench", "--synthetic", "100", "--keep", fifo.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("ioscope bench: --keep " + fifo + ": is a FIFO (named pipe); the generated "
                + "file is read back to be timed, so it must be a regular file or a new path\n");
    }

    @Test
    void theRootDirectoryAsInputIsOneLineAndExit2() {
        // "/" has no file name: the JSON-kind hint once threw a NullPointerException before the real message
        for (String command : new String[] {"info", "ioreg", "convert"}) {
            CliTest.Result r = command.equals("convert") ? CliTest.run(command, "/", dir.resolve("o.json").toString())
                    : CliTest.run(command, "/");
            assertThat(r.code()).as(command).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).as(command).isEqualTo("ioscope " + command + ": /: is a directory, not a file\n");
        }
        assertThat(dir.resolve("o.json")).doesNotExist();
    }

    @Test
    void convertOntoADirectoryOrTheInputIsRefusedWithExit1() throws Exception {
        CliTest.Result r = CliTest.run("convert", "--to", "json", real("qemu-bamboo.dts"), dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("ioscope convert: " + dir + ": is a directory; IOScope writes only to a "
                + "regular file, a new path, a character device or a FIFO\n");
        Path in = Files.copy(TestData.path("snapshots/qemu-bamboo.dts"), dir.resolve("in.dts"));
        Path alias = Files.createSymbolicLink(dir.resolve("alias.json"), in);
        CliTest.Result same = CliTest.run("convert", "--to", "json", in.toString(), alias.toString());
        assertThat(same.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(same.err()).contains("is the same file as the input");
        assertThat(in).hasSameBinaryContentAs(TestData.path("snapshots/qemu-bamboo.dts"));
    }

    @Test
    void convertKeepsTheModeOfAnExistingOutputAndFollowsALink() throws Exception {
        Path target = Files.writeString(dir.resolve("target.json"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);
        CliTest.Result r = CliTest.run("convert", real("qemu-bamboo.dts"), link.toString());
        assertThat(r.code()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).startsWith("{");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
    }

    @Test
    void aFailingStandardOutputExits1() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream full = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        });
        int code = Cli.run(new String[] {"info", real("qemu-bamboo.dts")}, full,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("ioscope: standard output: write failed (disk full, or the reader closed the pipe)\n");
    }

    @Test
    void multiPlaneToTextSaysWhatIsLeftOut() {
        CliTest.Result r = CliTest.run("convert", real("MacBookPro15-1.ioreg"), dir.resolve("o.txt").toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).startsWith("warning: ioreg text holds one plane, IOService: 703 of 1859 entries are not "
                + "in it and are left out, and so are the links of ");
    }

    @Test
    void aTruncatedTextDumpLoadsWithAWarning() throws Exception {
        byte[] whole = Files.readAllBytes(TestData.path("snapshots/MacBookPro8-1.IOService.txt"));
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        int cut = 0;
        for (int i = 0; i < 6000; i++) {
            cut = text.indexOf('\n', cut) + 1;
        }
        Path f = Files.write(dir.resolve("cut.txt"), Arrays.copyOf(whole, cut));
        CliTest.Result r = CliTest.run("info", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEqualTo("warning: " + f + ": the file looks truncated: it ends at line 6000 (in "
                + "\"AppleLPC\") inside a property block that is never closed\n");
    }

    @Test
    void matchDoesNotFollowALinkOutOfTheKextsFolder() throws Exception {
        Path kexts = Files.createDirectory(dir.resolve("kexts"));
        Files.createSymbolicLink(kexts.resolve("root"), Path.of("/"));
        CliTest.Result r = CliTest.run("match", real("MacBookPro15-1.ioreg"), "--kexts", kexts.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("warning: " + kexts.resolve("root") + ": a symbolic link out of " + kexts
                + ", not followed");
    }
}
