package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random corruption of the real iMac archive, read with the reader directly (not through the Snapshots façade,
 * which would turn a stray RuntimeException into a place-less error): every variant must load or fail with a
 * SnapshotException that names a place.
 */
class IoregArchiveFuzzTest {
    @Test
    void corruptedBytesGiveOnlyCleanErrors() throws Exception {
        byte[] real = Files.readAllBytes(TestData.path("snapshots/iMac16-1.ioreg"));
        // the structure (offset table, trailer and the object headers up front) is where damage bites
        int tableStart = real.length - 32 - 21605 * 4;
        Random random = new Random(20261126);
        IoregArchiveReader reader = new IoregArchiveReader();
        int failures = 0;
        for (int round = 0; round < 150; round++) {
            byte[] f = real.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                int at = switch (random.nextInt(3)) {
                    case 0 -> tableStart + random.nextInt(real.length - tableStart);
                    case 1 -> random.nextInt(200_000);
                    default -> random.nextInt(real.length);
                };
                f[at] = (byte) random.nextInt(256);
            }
            try {
                reader.read(f, "fuzz", ParseLimits.DEFAULT);
            } catch (SnapshotException e) {
                failures++;
                assertThat(e.place()).as(e.getMessage()).isNotBlank();
            } catch (RuntimeException | StackOverflowError e) {
                fail("round " + round + " escaped as " + e, e);
            }
        }
        assertThat(failures).isPositive();
    }
}
