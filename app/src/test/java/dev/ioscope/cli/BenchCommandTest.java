package dev.ioscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void benchesAGeneratedRegistryAndReportsTimeAndHeldMemory(@TempDir Path dir) throws Exception {
        Path keep = dir.resolve("synthetic.IOService.xml");
        assertThat(run("bench", "--runs", "1", "--warmup", "0", "--synthetic", "300", "--keep", keep.toString()))
                .as(err.toString()).isEqualTo(ExitCodes.OK);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("median ms", "cpu ms", "MB/s", "held bytes", "ratio");
        long size = Files.size(keep);
        assertThat(text).contains("synthetic.IOService.xml").contains(Long.toString(size));
        // Benching a kept file again gives the same row shape.
        out.reset();
        assertThat(run("bench", "--runs", "1", "--warmup", "0", keep.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow())
                .matches("synthetic\\.IOService\\.xml\\s+" + size + "\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+\\s+\\d+\\s+"
                        + "[0-9.]+x");
    }

    @Test
    void usageErrors() {
        assertThat(run("bench", "--runs", "x", "f")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("bench", "/no/such/file.xml")).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
