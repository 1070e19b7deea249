package dev.ioscope.engine.snapshot;

import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.codecs.Snapshots;

import net.jqwik.api.Example;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every reader IOScope has ({@link Snapshots#readers()}, whatever SnapshotCodecs lists) and format detection
 * ({@link Snapshots#read}) on every seed and on a fixed-seed sample of the fuzz campaign ({@link FuzzCampaign}):
 * each input either loads or fails with a {@link SnapshotException}, within {@value #TIMEOUT_SECONDS} s. Never
 * another exception, a stack overflow or a hang. A failure names the case, its seed and the mutations applied.
 */
class ImporterFuzzTest {
    static final int TIMEOUT_SECONDS = 5;
    /** Mutants per format in ./mvnw verify (about a second of CPU per format). */
    static final int SAMPLE = 150;

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

    @Example
    void theCorpusIsExact() {
        // Every (source, writer) pair that gives no seed, with its reason: a new one fails here, never vanishes.
        // (sizes left out: they move with any change to a writer; the pair and the reason are what must not)
        assertThat(FuzzCorpus.notWritten()).extracting(r -> r.replaceAll(": \\d+ bytes,", ":"))
                .containsExactly(
                        "MacBookPro8-1.IODeviceTree.txt as IOREG_ARCHIVE: over the window",
                        "MacBookPro8-1.IODeviceTree.txt as IOREG_XML: over the window",
                        "MacBookPro8-1.IODeviceTree.txt as JSON: over the window",
                        "MacBookPro8-1.IODeviceTree.txt as IOREG_TEXT: over the window");
        // every reader's format has seeds, so every format's mutants are run
        assertThat(FuzzCampaign.byFormat(FuzzCorpus.seeds()).keySet())
                .containsExactlyInAnyOrderElementsOf(Snapshots.readers().stream().map(SnapshotReader::format).toList());
        assertThat(FuzzCorpus.seeds()).extracting(FuzzCorpus.Seed::name).contains("hostile-ranges.dts",
                "hostile-deep.json", "hostile-cut.ioreg", "hostile-cut.txt");
    }

    /**
     * The campaign's fixed-seed sample: {@value #SAMPLE} mutants of every format, each through every reader and
     * detection; none may crash or hang. The full campaign is scripts/fuzz-campaign (docs/reliability.md).
     */
    @Example
    void campaignSampleOfEveryFormatLoadsOrFailsCleanly() {
        Map<SnapshotFormat, FuzzCampaign.Tally> result = new FuzzCampaign().run(17, SAMPLE);
        assertThat(result).hasSize(Snapshots.readers().size());
        for (FuzzCampaign.Tally t : result.values()) {
            assertThat(t.cases()).as(t.format().name()).isEqualTo(SAMPLE);
            assertThat(t.failures()).as(t.format().name()).isEmpty();
            assertThat(t.failed()).as(t.format().name()).isZero();
        }
    }

    private static void check(String fileName, byte[] data, String what) {
        assertTimeoutPreemptively(Duration.ofSeconds(TIMEOUT_SECONDS), () -> {
            ParseLimits limits = ParseLimits.DEFAULT;
            for (SnapshotReader reader : Snapshots.readers()) {
                try {
                    reader.sniff(Arrays.copyOf(data, Math.min(data.length, 4096)), fileName);
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
