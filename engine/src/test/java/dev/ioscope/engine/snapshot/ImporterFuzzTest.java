package dev.ioscope.engine.snapshot;

import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every reader IOScope has ({@link Snapshots#readers()}, whatever SnapshotCodecs lists) and format detection
 * ({@link Snapshots#read}) on thousands of mutated real files: each input either loads or fails with a
 * {@link SnapshotException}, within {@value #TIMEOUT_SECONDS} s. Never another exception, a stack overflow or
 * a hang. A failure prints the jqwik seed and the mutations that were applied.
 */
class ImporterFuzzTest {
    static final int TIMEOUT_SECONDS = 5;

    @Example
    void everySeedLoadsOrFailsCleanly() throws SnapshotException {
        for (FuzzCorpus.Seed seed : FuzzCorpus.seeds()) {
            check(seed.name(), seed.data(), "unmutated " + seed);
        }
        // The device tree seeds are whole files: they must load, so mutations start from valid input.
        for (FuzzCorpus.Seed seed : FuzzCorpus.seeds()) {
            if (seed.whole() && (seed.name().matches(".*\\.(dtb|adt)") || seed.name().startsWith("qemu-")
                    || seed.name().equals("features.dts"))) {
                assertThat(Snapshots.read(seed.data(), seed.name(), seed.name(), ParseLimits.DEFAULT).registry()
                        .size()).as(seed.name()).isGreaterThan(3);
            }
        }
    }

    @Example
    void theCorpusCoversEveryRealSnapshotAndAllReaders() {
        assertThat(FuzzCorpus.seeds()).extracting(FuzzCorpus.Seed::name)
                .contains("qemu-bamboo.dtb", "qemu-bamboo.dts", "qemu-virt-aarch64.compact.dtb", "MacBookPro15-1.ioreg",
                        "MacBookPro8-1.IOService.txt", "DeviceTree.fuzz.adt");
        assertThat(Snapshots.readers()).isNotEmpty();
        // Every writer contributes a whole file (written from a real registry) for the formats it can express.
        for (SnapshotWriter w : Snapshots.writers()) {
            String ext = "." + w.format().extensions().get(0);
            assertThat(FuzzCorpus.seeds()).as(w.format().name())
                    .anyMatch(seed -> seed.name().endsWith(ext) && seed.whole());
        }
    }

    @Property(tries = 6000, shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.RANDOM_SEED)
    void mutatedInputsLoadOrFailCleanly(@ForAll long seed) {
        Mutator m = new Mutator(seed, FuzzCorpus.seeds());
        FuzzCorpus.Seed base = m.pick();
        byte[] mutated = m.mutate(base.data(), 1 + (int) Math.floorMod(seed, 4L));
        check(base.name(), mutated, base + " mutated:" + m.log);
    }

    private static void check(String fileName, byte[] data, String what) {
        assertTimeoutPreemptively(Duration.ofSeconds(TIMEOUT_SECONDS), () -> {
            ParseLimits limits = ParseLimits.DEFAULT;
            for (SnapshotReader reader : Snapshots.readers()) {
                try {
                    reader.sniff(java.util.Arrays.copyOf(data, Math.min(data.length, 4096)), fileName);
                    Snapshot s = reader.read(data, fileName, limits);
                    assertThat(s.registry()).isNotNull();
                } catch (SnapshotException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                } catch (Throwable t) {
                    fail(reader.getClass().getSimpleName() + " threw " + t + " on " + what, t);
                }
            }
            try {
                Snapshots.read(data, fileName, fileName, limits);
            } catch (SnapshotException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (Throwable t) {
                fail("Snapshots.read threw " + t + " on " + what, t);
            }
        }, () -> "longer than " + TIMEOUT_SECONDS + " s on " + what);
    }
}
