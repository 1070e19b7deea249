package dev.ioscope.engine.machine;

import dev.ioscope.engine.TestData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled virtual Mac is the output of {@code scripts/gen-virtual-mac.py}, byte for byte: the JSON is never
 * edited by hand, so the script and the file cannot drift apart again.
 */
class VirtualMacScriptTest {

    @Test
    void theCommittedVirtualMacIsExactlyTheScriptsOutput() throws Exception {
        // the corpus is <checkout>/engine/src/test/resources/real: five levels up is the checkout
        Path checkout = TestData.root().resolve("../../../../..").normalize();
        Path script = checkout.resolve("scripts/gen-virtual-mac.py");
        Path committed = checkout.resolve("engine/src/main/resources/dev/ioscope/engine/machine/virtual-mac.json");
        assertThat(script).isRegularFile();

        Process p = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the script finished").isTrue();
        assertThat(p.exitValue()).as("exit code; output: %s", out).isZero();
        assertThat(out.toString()).isEqualTo(Files.readString(committed));
    }
}
