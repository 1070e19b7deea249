package dev.ioscope.engine.snapshot;

import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.snapshot.devicetree.AppleDeviceTreeReader;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Apple device tree has no magic, so its reader must never claim another file, even one renamed to
 * {@code .adt}: every seed of the fuzz corpus that is not an Apple tree (real files and files every writer
 * made) is refused by its sniffing, and content-detected formats win over the name.
 */
class DeviceTreeDetectionTest {

    @Test
    void noOtherFileIsTakenForAnAppleDeviceTree() {
        AppleDeviceTreeReader apple = new AppleDeviceTreeReader();
        int checked = 0;
        for (FuzzCorpus.Seed seed : FuzzCorpus.seeds()) {
            if (SnapshotFormat.fromExtension(seed.name()).orElse(null) == SnapshotFormat.APPLE_DEVICE_TREE) {
                continue; // an Apple tree itself (synthetic or written by AppleDeviceTreeWriter)
            }
            byte[] head = Arrays.copyOf(seed.data(), Math.min(seed.data().length, 4096));
            for (String name : new String[] {"x.adt", "DeviceTree.n71ap", "x.devicetree"}) {
                assertThat(apple.sniff(head, name)).as(seed + " named " + name).isFalse();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void contentBeatsTheName() {
        for (FuzzCorpus.Seed seed : FuzzCorpus.seeds()) {
            if (!seed.whole()) {
                continue;
            }
            SnapshotFormat byContent = Snapshots.detect(seed.data(), "noext").map(SnapshotReader::format)
                    .orElse(null);
            if (byContent != null) {
                assertThat(Snapshots.detect(seed.data(), "x.adt").map(SnapshotReader::format))
                        .as(seed.toString()).contains(byContent);
            }
        }
    }
}
