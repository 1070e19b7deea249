package dev.ioscope.cli;

import dev.ioscope.app.TestData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DriverKit from the command line: the macOS 13 re-match and the Karabiner dext on the virtual Mac. */
class DriverKitCliTest {
    private static final String DUMP = TestData.path("snapshots/Hackintosh-DellADL-macOS13.IOService.txt").toString();
    private static final Path KARABINER = TestData.path("kexts/Karabiner-DriverKit-VirtualHIDDevice/Info.plist.in");

    @Test
    @DisplayName("DK2: match --kexts-from-snapshot --strip puts the macOS 13 dexts back where the dump shows them")
    void rematchFromSnapshot() {
        CliTest.Result r = CliTest.run("match", DUMP, "--kexts-from-snapshot", "--strip");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("2 personalities from 0 kext path(s) and 2 from the snapshot's "
                + "IOMatchedPersonality values;");
        // AppleUserHIDEventService on the keyboard's IOHIDInterface (the dump prints that subtree twice: one entry,
        // id 0x1000004e1), none on the pointing device's, IOUserService on IOUserResources
        assertThat(r.out()).contains("strip: 2 driver(s) the snapshot shows; re-matching put back 2 (agreement "
                + "100.0%)");
        assertThat(r.out()).contains("/IOHIDKeyboardEventDevice/IOHIDInterface  <class IOHIDInterface>\n"
                + "  winner             1201  AppleUserHIDEventService");
        assertThat(r.out()).doesNotContain("missing:").doesNotContain("extra:");
    }

    @Test
    @DisplayName("DK2: match --json says how many personalities came from the snapshot")
    void rematchFromSnapshotJson() {
        CliTest.Result r = CliTest.run("match", DUMP, "--kexts-from-snapshot", "--json",
                "--provider", "IOService:/IOUserResources");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"fromSnapshot\" : 2").contains("\"class\" : \"IOUserService\"");
    }

    @Test
    @DisplayName("match without kexts and without --kexts-from-snapshot is a usage error")
    void needsSomePersonalities() {
        CliTest.Result r = CliTest.run("match", DUMP);
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--kexts-from-snapshot");
    }

    @Test
    @DisplayName("DK7 DK9: on the virtual Mac, Karabiner's dext matches on IOUserResources with its IOUserServer")
    void karabinerOnTheVirtualMac(@TempDir Path dir) throws Exception {
        Path s = dir.resolve("karabiner.json");
        Files.writeString(s, "{\"kexts\": [\"" + KARABINER.toString().replace("\\", "\\\\") + "\"], \"actions\": ["
                + "{\"at\": 1000000000, \"do\": \"dext-crash\", \"server\": "
                + "\"org.pqrs.Karabiner-DriverKit-VirtualHIDDevice\"}]}");
        CliTest.Result r = CliTest.run("run", s.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> j = Arrays.asList(r.out().split("\n"));
        String svc = "IOService:/IOUserResources/org_pqrs_Karabiner_DriverKit_VirtualHIDKeyboard";
        assertThat(j).filteredOn(l -> l.contains("\"kind\":\"service.start\"") && l.contains("\"" + svc + "\""))
                .hasSize(2);   // at boot, and relaunched after the crash
        assertThat(j).filteredOn(l -> l.contains("\"kind\":\"driverkit.launch\"")).hasSize(2);
        assertThat(j).filteredOn(l -> l.contains("\"kind\":\"driverkit.server-died\"")).hasSize(1);
        assertThat(j).noneMatch(l -> l.contains("scenario.error"));
    }
}
