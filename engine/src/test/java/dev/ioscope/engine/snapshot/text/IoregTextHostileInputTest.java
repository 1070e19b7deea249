package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Truncated and mutated real dumps: the reader either loads them or throws a SnapshotException naming a
 * line:column; never another exception, never a hang.
 */
class IoregTextHostileInputTest {
    private static final byte[] NOISE = "\"{}()<>[],=| \n+-o@0x9aYNo$\t\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    @ParameterizedTest
    @ValueSource(strings = {"MacBookPro8-1.IOService.txt", "MacBookPro8-1.IODeviceTree.txt",
            "Hackintosh-DellADL-macOS13.IOService.txt"})
    void truncatedAndMutatedDumpsFailCleanly(String file) throws Exception {
        byte[] real = Files.readAllBytes(TestData.path("snapshots/" + file));
        Random random = new Random(file.hashCode());
        int[] outcome = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < 120; round++) {
                int cut = 1 + random.nextInt(Math.min(real.length, 300_000) - 1);
                byte[] b = Arrays.copyOf(real, cut);
                if (round % 3 != 0) {
                    for (int m = 1 + random.nextInt(6); m > 0; m--) {
                        b[random.nextInt(b.length)] = NOISE[random.nextInt(NOISE.length)];
                    }
                }
                outcome[tryRead(b)]++;
            }
        });
        assertThat(outcome[0] + outcome[1]).isEqualTo(120);
        assertThat(outcome[1]).as("some inputs must be refused").isPositive();
    }

    /** 0: loaded, 1: refused with a SnapshotException naming a line and column. */
    private static int tryRead(byte[] b) {
        try {
            new IoregTextReader().read(b, "fuzz.txt", ParseLimits.DEFAULT);
            return 0;
        } catch (SnapshotException e) {
            assertThat(e.file()).isEqualTo("fuzz.txt");
            assertThat(e.place()).matches("line \\d+:\\d+");
            return 1;
        }
    }

    @Test
    void deepNestingAndHugeNumbersAreRefused() {
        StringBuilder deep = new StringBuilder("+-o Root  <class IORegistryEntry, id 0x100000100, retain 1>\n  | {\n"
                + "  |   \"k\" = ");
        deep.append("(".repeat(100_000)).append(")".repeat(100_000)).append("\n  | }\n");
        assertThatThrownBy(() -> new IoregTextReader().read(deep.toString().getBytes(StandardCharsets.US_ASCII),
                "deep.txt", ParseLimits.DEFAULT)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("line 3:");
        String big = "+-o Root  <class IORegistryEntry, id 0x100000100, retain 1>\n    {\n      \"n\" = "
                + "99999999999999999999\n"
                + "    }\n";
        assertThatThrownBy(() -> new IoregTextReader().read(big.getBytes(StandardCharsets.US_ASCII), "big.txt",
                ParseLimits.DEFAULT)).isInstanceOf(SnapshotException.class).hasMessageContaining("64 bits");
    }

    @Test
    void aClippedDumpSaysHowToMakeAWholeOne() throws Exception {
        // what `ioreg -l` prints on an 80-column terminal: every long line cut at 79 bytes and marked '$'
        Snapshot s = Snapshots.load(TestData.path("snapshots/MacBookPro8-1.IOService.txt"));
        ByteArrayOutputStream clipped = new ByteArrayOutputStream();
        IoregPrinter.print(s.registry(), IoregOptions.DEFAULT.withList(true).withWidth(80), clipped);
        assertThatThrownBy(() -> new IoregTextReader().read(clipped.toByteArray(), "clipped.txt",
                ParseLimits.DEFAULT)).isInstanceOf(SnapshotException.class).hasMessageContaining("ioreg -lw0");
    }

    @Test
    void anEntryCannotBeItsOwnAncestor() {
        String loop = "+-o Root  <class IORegistryEntry, id 0x100000100, retain 1>\n"
                + "  +-o A  <class IOService, id 0x100000200, registered, matched, active, busy 0, retain 1>\n"
                + "    +-o A  <class IOService, id 0x100000200, registered, matched, active, busy 0, retain 1>\n";
        assertThatThrownBy(() -> new IoregTextReader().read(loop.getBytes(StandardCharsets.US_ASCII), "loop.txt",
                ParseLimits.DEFAULT)).isInstanceOf(SnapshotException.class).hasMessageContaining("line 3:");
    }
}
