package dev.ioscope.cli;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's contract: exit codes, clean one-line errors, no stack traces without --debug. */
class CliTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryCommand() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("info", "convert");
    }

    @Test
    void bareVersionSkipsTheParserButSaysWhatPicocliSays() {
        Result fast = run("--version");
        Result parsed = run("--verbose", "--version");
        assertThat(fast.code()).isZero();
        assertThat(parsed.code()).isZero();
        assertThat(fast.out()).startsWith("ioscope ").isEqualTo(parsed.out());
    }

    @Test
    void unknownCommandIsAUsageError() {
        Result r = run("frobnicate");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void missingFileIsBadInputNamingTheFile(@TempDir Path dir) {
        Result r = run("info", dir.resolve("nope.ioreg").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("nope.ioreg").contains("no such file").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void garbageFileIsBadInputWithoutStackTrace(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("junk.bin");
        Files.write(f, new byte[]{1, 2, 3, 4, 5});
        Result r = run("info", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("junk.bin").contains("not a registry snapshot format").doesNotContain("\tat ");
    }

    @Test
    void convertNeedsTwoArgumentsAndAKnownFormat() {
        assertThat(run("convert", "a").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("convert", "--to", "bogus", "a", "b").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("convert", "a", "b.unknownext").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void infoAndConvertOnAJsonRegistry(@TempDir Path dir) throws Exception {
        String json = "{\"format\":\"ioscope-registry\",\"version\":1,\"planes\":[\"IOService\"],"
                + "\"root\":\"0x100000100\","
                + "\"entries\":[{\"id\":\"0x100000100\",\"class\":\"IORegistryEntry\",\"name\":\"Root\","
                + "\"planes\":{\"IOService\":{\"children\":[\"0x100000101\"]}}},"
                + "{\"id\":\"0x100000101\",\"class\":\"IOPlatformExpertDevice\",\"name\":\"Mac\","
                + "\"planes\":{\"IOService\":{\"parents\":[\"0x100000100\"]}},"
                + "\"properties\":{\"model\":{\"$data\":\"4d616300\"}}}]}";
        Path in = dir.resolve("m.json");
        Files.writeString(in, json);
        byte[] before = Files.readAllBytes(in);
        Result info = run("info", "--json", in.toString());
        assertThat(info.code()).isZero();
        assertThat(info.out()).contains("\"format\" : \"JSON\"", "\"entries\" : 2", "\"name\" : \"IOService\"",
                "\"class\" : \"IOPlatformExpertDevice\"");
        Path out = dir.resolve("copy.json");
        assertThat(run("convert", in.toString(), out.toString()).code()).isZero();
        assertThat(Files.readString(out)).contains("\"$data\" : \"4d616300\"");
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
        Result same = run("convert", in.toString(), in.toString());
        assertThat(same.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
    }

    @Test
    void aScenarioOrAMachineHandedToARegistryCommandNamesTheCommandThatTakesIt() throws Exception {
        Result r = run("info", "../docs/examples/power-sleep-wake.json");
        Assertions.assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        Assertions.assertThat(r.err()).contains("not a registry snapshot format")
                .contains("(this is a scenario: ioscope run ../docs/examples/power-sleep-wake.json)");
        Result m = run("ioreg", "../engine/src/main/resources/dev/ioscope/engine/machine/virtual-mac.json");
        Assertions.assertThat(m.err()).contains("(this is a machine description: ioscope boot");
    }
}
