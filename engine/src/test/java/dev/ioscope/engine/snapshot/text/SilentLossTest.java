package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nothing is lost silently (issue 17, item 9): what a conversion leaves out, and a file cut short, are said. */
class SilentLossTest {
    @Test
    @DisplayName("Converting a multi-plane .ioreg to ioreg text says how many entries and which planes are left out")
    void multiPlaneToTextSaysWhatIsLeftOut() throws Exception {
        Snapshot s = Snapshots.load(TestData.path("snapshots/MacBookPro15-1.ioreg"));
        IORegistryPlane service = new IORegistryPlane(IORegistryPlane.IOSERVICE);
        long notInService = s.registry().entries().stream()
                .filter(e -> e != s.registry().root() && !e.inPlane(service)).count();
        assertThat(notInService).isPositive();
        List<String> left = Snapshots.writer(SnapshotFormat.IOREG_TEXT).orElseThrow().leftOut(s);
        assertThat(left).singleElement().asString()
                .startsWith("ioreg text holds one plane, IOService: " + notInService + " of "
                        + s.registry().size() + " entries are not in it and are left out, and so are the links of ")
                .contains("IODeviceTree").endsWith("(convert to .ioreg, .xml or .json to keep every plane)");
        assertThat(Snapshots.writer(SnapshotFormat.JSON).orElseThrow().leftOut(s)).isEmpty();
    }

    @Test
    @DisplayName("An ioreg -l dump cut at a line boundary loads with a warning that it looks truncated")
    void textCutAtALineBoundaryWarns() throws Exception {
        byte[] whole = Files.readAllBytes(TestData.path("snapshots/MacBookPro8-1.IOService.txt"));
        Snapshot full = Snapshots.read(whole, "whole.txt", "whole.txt", ParseLimits.DEFAULT);
        assertThat(full.warnings()).isEmpty();
        // line 5995 of the real dump is the blank line after a closed block; its indent still has the bars
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        int cut = nthLineEnd(text, 5995);
        Snapshot s = Snapshots.read(Arrays.copyOf(whole, cut), "cut.txt", "cut.txt", ParseLimits.DEFAULT);
        assertThat(s.registry().size()).isLessThan(full.registry().size());
        assertThat(s.warnings()).singleElement().asString()
                .startsWith("the file looks truncated: it ends at line 5995 (in \"")
                .contains("where ioreg's '|' at column 5 promises more entries");
        int inBlock = nthLineEnd(text, 6000);
        Snapshot mid = Snapshots.read(Arrays.copyOf(whole, inBlock), "mid.txt", "mid.txt", ParseLimits.DEFAULT);
        assertThat(mid.warnings()).containsExactly("the file looks truncated: it ends at line 6000 (in \"AppleLPC\")"
                + " inside a property block that is never closed");
    }

    private static int nthLineEnd(String text, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf('\n', at + 1);
        }
        return at + 1;
    }

    @Test
    @DisplayName("A truncated binary .ioreg says the file is truncated in plain words, with the detail")
    void truncatedArchiveSaysTruncated() throws Exception {
        byte[] whole = Files.readAllBytes(TestData.path("snapshots/iMac16-1.ioreg"));
        for (int cut : new int[] {100, 50_000, whole.length - 10}) {
            assertThatThrownBy(() -> Snapshots.read(Arrays.copyOf(whole, cut), "cut.ioreg", "cut.ioreg",
                    ParseLimits.DEFAULT)).isInstanceOf(SnapshotException.class)
                    .hasMessageStartingWith("cut.ioreg: trailer at offset " + (cut - 32) + ": the file is truncated "
                            + "or damaged: its last 32 bytes are not a binary plist trailer (");
        }
        assertThatThrownBy(() -> Snapshots.read(Arrays.copyOf(whole, 20), "cut.ioreg", "cut.ioreg",
                ParseLimits.DEFAULT)).hasMessageContaining("the file is truncated: 20 bytes");
    }
}
