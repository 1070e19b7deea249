package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** FIDELITY: every real ioreg text dump, read then written with its own options, is the same bytes. */
class IoregTextRoundTripTest {
    @ParameterizedTest
    @ValueSource(strings = {"MacBookPro8-1.IOService.txt", "MacBookPro8-1.IODeviceTree.txt",
            "Hackintosh-DellADL-macOS13.IOService.txt"})
    void readThenWriteGivesTheSameBytes(String file) throws Exception {
        byte[] original = Files.readAllBytes(TestData.path("snapshots/" + file));
        Snapshot s = new IoregTextReader().read(original, file, ParseLimits.DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new IoregTextWriter().write(s, out);
        String expected = new String(original, StandardCharsets.ISO_8859_1);
        String actual = out.toString(StandardCharsets.ISO_8859_1);
        if (!expected.equals(actual)) {
            int i = 0;
            while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) {
                i++;
            }
            int line = (int) expected.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
            int from = Math.max(0, i - 200);
            assertThat(actual.substring(from, Math.min(actual.length(), i + 200)))
                    .as("first difference at line " + line)
                    .isEqualTo(expected.substring(from, Math.min(expected.length(), i + 200)));
        }
        assertThat(actual).isEqualTo(expected);
    }
}
