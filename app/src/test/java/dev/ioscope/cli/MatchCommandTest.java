package dev.ioscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioscope.app.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ioscope match} on the real Hackintosh dump and kexts (the corpus README
 * (engine/src/test/resources/real/README.md) oracles).
 */
class MatchCommandTest {
    private static Path data(String rel) {
        return TestData.path(rel);
    }

    private static final String DUMP = data("snapshots/Hackintosh-DellADL-macOS13.IOService.txt").toString();

    @Test
    void stripReportsFullAgreementOnTheHackintosh() {
        CliTest.Result r = CliTest.run("match", DUMP, "--kexts", data("kexts/Lilu").toString(),
                data("kexts/AppleALC").toString(), data("kexts/VoodooPS2").toString(), "--strip");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains(
                "strip: 6 driver(s) the snapshot shows; re-matching put back 6 (agreement 100.0%)");
        assertThat(r.out()).contains("winner in Lilu: Lilu (as.vit9696.Lilu)");
        assertThat(r.err()).contains("warning:").contains("took \"Lilu\" from the file name");
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        CliTest.Result r = CliTest.run("match", DUMP, "--kexts", data("kexts/IntelMausi").toString(), "--json",
                "--provider", "IOService:/AppleACPIPlatformExpert/PC00/AppleACPIPCI/RP09@1D/IOPP/PXSX@0");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode p = root.get("providers").get(0);
        assertThat(p.get("path").asText())
                .isEqualTo("IOService:/AppleACPIPlatformExpert/PC00/AppleACPIPCI/RP09@1D/IOPP/PXSX@0");
        assertThat(p.get("class").asText()).isEqualTo("IOPCIDevice");
        JsonNode c = p.get("candidates").get(0);
        assertThat(c.get("bundle").asText()).isEqualTo("as.acidanthera.mieze.IntelMausiEthernet");
        assertThat(c.get("personality").asText()).isEqualTo("IntelMausi");
        assertThat(c.get("class").asText()).isEqualTo("IntelMausi");
        assertThat(c.get("category").asText()).isEqualTo("IODefaultMatchCategory");
        assertThat(c.get("score").asInt()).isEqualTo(1000);
        assertThat(c.get("matched").asBoolean()).isFalse();
        assertThat(c.get("reasons").get(0).asText()).endsWith("this device's ID (0x00) is 0x816810ec, subsystem ID "
                + "(0x2c) is 0x0c1d1028 — no match");
        assertThat(p.get("winners").size()).isZero();
    }

    @Test
    void usageErrors(@TempDir Path dir) throws Exception {
        assertThat(CliTest.run("match", DUMP).code()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliTest.run("match", "--kexts", "x").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliTest.run("match", DUMP, "--kexts", data("kexts/Lilu").toString(), "--provider", "IOService:/Nope")
                .code()).isEqualTo(ExitCodes.USAGE);
        Path bad = dir.resolve("Info.plist");
        Files.writeString(bad, "<plist><dict><key>a</key></dict></plist>");
        CliTest.Result r = CliTest.run("match", DUMP, "--kexts", bad.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("Info.plist").doesNotContain("\tat ");
    }
}
