package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.plist.BinaryPlistWriter;
import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PString;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IoregArchiveSniffTest {
    @Test
    void realFilesAreDetectedByContentWhateverTheirName() throws Exception {
        for (String f : List.of("MacBookPro15-1.ioreg", "iMac16-1.ioreg")) {
            byte[] data = Files.readAllBytes(TestData.path("snapshots/" + f));
            assertThat(Snapshots.detect(data, "renamed.bin")).get()
                    .extracting(r -> r.format()).isEqualTo(SnapshotFormat.IOREG_ARCHIVE);
        }
    }

    @Test
    void aPlainBinaryPlistIsNotAnArchiveUnlessNamedSo() {
        byte[] plain = BinaryPlistWriter.write(new PArray(List.of(new PString("x"))));
        assertThat(new IoregArchiveReader().sniff(plain, "x.plist")).isFalse();
        assertThat(new IoregArchiveReader().sniff(plain, "x.ioreg")).isTrue();
        SnapshotException e = catchThrowableOfType(() -> Snapshots.read(plain, "x.ioreg", "x.ioreg",
                ParseLimits.DEFAULT), SnapshotException.class);
        assertThat(e.problem()).contains("not a keyed archive");
        assertThat(new IoregArchiveReader().sniff("<?xml version=\"1.0\"?>".getBytes(), "x.ioreg")).isFalse();
    }
}
