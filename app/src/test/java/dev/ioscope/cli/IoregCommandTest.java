package dev.ioscope.cli;

import dev.ioscope.app.TestData;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ioscope ioreg} against the real dumps. Expected figures were counted on the files with grep:
 * 27 headers of class IOPCIDevice (grep -c '<class IOPCIDevice,'), 17 top-level IOPCIExpressLinkStatus
 * properties (grep -c '^[ |]*"IOPCIExpressLinkStatus" = '), 16 IOPCIDevices with no IOPCIDevice above them.
 */
class IoregCommandTest {
    private static final Path MBP = data("MacBookPro8-1.IOService.txt");
    private static final Path MBP_DT = data("MacBookPro8-1.IODeviceTree.txt");
    private static final Path HACK = data("Hackintosh-DellADL-macOS13.IOService.txt");

    record Result(int code, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.ISO_8859_1);
        }

        List<String> lines() {
            return Arrays.asList(text().split("\n", -1)).subList(0, text().split("\n", -1).length - 1);
        }
    }

    static Path data(String file) {
        return TestData.path("snapshots/" + file);
    }

    static Result ioreg(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] argv = new String[args.length + 1];
        argv[0] = "ioreg";
        System.arraycopy(args, 0, argv, 1, args.length);
        int code = Cli.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private static long count(List<String> lines, String regex) {
        return lines.stream().filter(l -> l.matches(regex)).count();
    }

    @Test
    void sameFlagsReproduceTheRealDumps() throws Exception {
        assertThat(ioreg("-lw0", MBP.toString()).out()).isEqualTo(Files.readAllBytes(MBP));
        assertThat(ioreg("-l", "-w", "0", HACK.toString()).out()).isEqualTo(Files.readAllBytes(HACK));
        // the IODeviceTree dump was made with -x: its numbers are 0x…, its data never "text"
        assertThat(ioreg("-lw0", "-x", "-p", "IODeviceTree", MBP_DT.toString()).out())
                .isEqualTo(Files.readAllBytes(MBP_DT));
    }

    @Test
    void plainIoregPrintsTheTreeAlone() {
        Result r = ioreg(MBP.toString());
        assertThat(r.code()).isZero();
        assertThat(r.lines()).hasSize(612).allMatch(l -> l.matches("[ |]*\\+-o .*>"));
        assertThat(r.lines().get(0)).isEqualTo("+-o Root  <class IORegistryEntry, id 0x100000100, retain 11>");
    }

    @Test
    void classListsPropertiesOfConformingObjectsOnly() {
        List<String> lines = ioreg("-c", "IOPCIDevice", MBP.toString()).lines();
        assertThat(count(lines, "[ |]*\\+-o .*")).isEqualTo(612);
        assertThat(count(lines, "[ |]*\\{")).isEqualTo(27);
        // every block follows an IOPCIDevice header
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("[ |]*\\{")) {
                assertThat(lines.get(i - 1)).contains("<class IOPCIDevice,");
            }
        }
    }

    @Test
    void nameAndKeySelectBlocks() {
        List<String> byName = ioreg("-n", "IOResources", MBP.toString()).lines();
        assertThat(count(byName, "[ |]*\\{")).isEqualTo(1);
        assertThat(count(byName, "[ |]*  \"IOKit\" = \"IOService\"")).isEqualTo(1);
        List<String> byKey = ioreg("-k", "IOPCIExpressLinkStatus", MBP.toString()).lines();
        assertThat(count(byKey, "[ |]*\\{")).isEqualTo(17);
        // name@location form
        List<String> at = ioreg("-n", "PCI0@0", MBP.toString()).lines();
        assertThat(count(at, "[ |]*\\{")).isEqualTo(1);
    }

    @Test
    void depthLimitsTheTree() {
        assertThat(ioreg("-d", "2", MBP.toString()).lines()).containsExactly(
                "+-o Root  <class IORegistryEntry, id 0x100000100, retain 11>",
                "  +-o MacBookPro8,1  <class IOPlatformExpertDevice, id 0x100000110, registered, matched, active,"
                        + " busy 0 (109535 ms), retain 42>");
        List<String> three = ioreg("-d3", MBP.toString()).lines();
        assertThat(three.get(2)).startsWith("    +-o AppleACPIPlatformExpert  <class AppleACPIPlatformExpert,");
        assertThat(three).allMatch(l -> l.matches("( {2}| \\|){0,2}\\+-o .*|(\\| |  ){0,2}\\+-o .*"));
    }

    @Test
    void rootedSearchPrintsEachOutermostMatchOnce() {
        List<String> lines = ioreg("-r", "-c", "IOPCIDevice", MBP.toString()).lines();
        assertThat(count(lines, "")).isEqualTo(16);
        assertThat(count(lines, "\\+-o .*")).isEqualTo(16);
        assertThat(lines.get(0)).startsWith("+-o ").contains("<class IOPCIDevice,");
        assertThat(count(lines, "[ |]*\\{")).isEqualTo(27);
    }

    @Test
    void treeShowsTheParentsOfEachMatch() {
        List<String> lines = ioreg("-rt", "-n", "IOResources", MBP.toString()).lines();
        assertThat(lines.get(0)).startsWith("+-o Root  <class IORegistryEntry");
        assertThat(lines.get(1)).startsWith("  +-o MacBookPro8,1  <class IOPlatformExpertDevice");
        assertThat(lines.get(2)).startsWith("    +-o IOResources  <class IOResources");
        assertThat(lines.get(3)).isEqualTo("      | {");
        assertThat(lines.get(lines.size() - 1)).isEmpty();
    }

    @Test
    void hexPrintsNumbersAndDataAsHex() {
        String text = ioreg("-l", "-x", MBP.toString()).text();
        assertThat(text).contains("\"IOMaximumMappedIOByteCount\" = 0x20000000\n")
                .contains("\"IOProbeScore\" = 0xffffffffffffff9c\n")
                .contains("\"compatible\" = <4d6163426f6f6b50726f382c3100>\n")
                .doesNotContain("<\"");
    }

    @Test
    void inheritanceShowsTheClassChain() {
        List<String> lines = ioreg("-i", "-d", "3", MBP.toString()).lines();
        assertThat(lines.get(0)).contains("<class IORegistryEntry, id 0x100000100");
        assertThat(lines).anyMatch(l -> l.contains("+-o IOResources  <class IORegistryEntry:IOService:IOResources,"));
    }

    @Test
    void widthClipsLinesWithADollar() {
        List<String> lines = ioreg("-l", "-w", "80", MBP.toString()).lines();
        assertThat(lines).allMatch(l -> l.length() <= 80);
        assertThat(lines).anyMatch(l -> l.length() == 80 && l.endsWith("$"));
        assertThat(lines).noneMatch(l -> l.equals("deviceid: 0x4331"));   // the newlines of strings become spaces
    }

    @Test
    void boldWrapsNamesInTerminalEscapes() {
        assertThat(ioreg("-b", "-d", "1", MBP.toString()).text())
                .isEqualTo("+-o \033[1mRoot\033(B\033[m  <class IORegistryEntry, id 0x100000100, retain 11>\n");
    }

    @Test
    void formatDecodesDeviceTreeProperties() {
        // P0P2@1's "ranges" (MacBookPro8-1.IODeviceTree.txt line 378) holds 3 rows of 8 little-endian cells:
        // #address-cells 3 (its own), 3 (PCI0's) and #size-cells 2
        String text = ioreg("-f", "-l", "-x", "-p", "IODeviceTree", MBP_DT.toString()).text();
        assertThat(text).contains("  \"ranges\" = \n"
                + "    | | |     -child-------------------- -parent------------------- -size------------ \n"
                + "    | | |     82000000 00000000 00000000 82000000 00000000 00000000 00000000 00000000 \n"
                + "    | | |     c2000000 00000000 00000000 c2000000 00000000 00000000 00000000 00000000 \n");
        // with -x, data over 8 bytes is a hex dump even when it is text
        assertThat(text).contains("\"compatible\" = \n    | | |     00000000: 70 63 69 38 30 38 36 2C 31 30 31 00");
        // without -x it is text again
        assertThat(ioreg("-f", "-l", "-p", "IODeviceTree", MBP_DT.toString()).text())
                .contains("\"compatible\" = <\"pci8086,101\",\"pciclass,060400\">\n");
    }

    @Test
    void archiveWritesXmlThatReadsBack() throws Exception {
        Result r = ioreg("-a", "-l", MBP.toString());
        assertThat(r.code()).isZero();
        assertThat(r.text()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist");
        Snapshot s = Snapshots.read(r.out(), "x.xml", "x.xml", ParseLimits.DEFAULT);
        assertThat(s.registry().size()).isEqualTo(540);
        assertThat(s.registry().root().property("IOMaximumMappedIOByteCount").toString()).isEqualTo("536870912");
        // without -l only ioreg's own keys: no property of the root
        String plain = ioreg("-a", "-d", "1", MBP.toString()).text();
        assertThat(plain).contains("<key>IORegistryEntryName</key>").doesNotContain("IOKitBuildVersion")
                .doesNotContain("IORegistryEntryChildren");
    }

    @Test
    void aPlaneTheSnapshotLacksIsBadInputListingItsPlanes(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("mbp.json");
        assertThat(Cli.run(new String[] {"convert", MBP.toString(), json.toString()}, System.out, System.err))
                .isZero();
        Result r = ioreg("-p", "IOPower", json.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("has no plane IOPower (planes: IOService)");
        // a text dump does not name its plane: -p says which one it shows
        assertThat(ioreg("-p", "IOPower", "-d", "1", MBP.toString()).code()).isZero();
    }

    @Test
    void errorsHaveTheRightExitCodes() {
        assertThat(ioreg("-q", MBP.toString()).code()).isEqualTo(ExitCodes.USAGE);
        assertThat(ioreg("-h", MBP.toString()).err()).contains("Unknown option: '-h'").contains("Usage: ioscope ioreg");
        assertThat(ioreg("-c").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(ioreg("-w", "wide", MBP.toString()).code()).isEqualTo(ExitCodes.USAGE);
        assertThat(ioreg().code()).isEqualTo(ExitCodes.USAGE);
        Result missing = ioreg("/nonexistent/x.txt");
        assertThat(missing.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("no such file").doesNotContain("\tat ");
        assertThat(ioreg("-p", "bad/plane", MBP.toString()).code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ioreg("-s", "-S", "-d", "1", MBP.toString()).code()).isZero();
    }
}
