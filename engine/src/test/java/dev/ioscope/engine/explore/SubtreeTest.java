package dev.ioscope.engine.explore;

import dev.ioscope.engine.snapshot.SnapshotFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

class SubtreeTest {
    @Test
    void extractsOneBranchUnderAFreshRoot() {
        TinyRegistry t = new TinyRegistry();
        var sub = Subtree.extract(t.r, t.xhc, t.service);
        var plane = sub.findPlane("IOService").orElseThrow();
        assertThat(sub.size()).isEqualTo(3);
        var xhc = sub.root().children(plane).get(0);
        assertThat(xhc.registryEntryID()).isEqualTo(t.xhc.registryEntryID());
        assertThat(xhc.properties()).isEqualTo(t.xhc.properties());
        assertThat(xhc.children(plane).get(0).name()).isEqualTo("APPLE SSD Media");
        assertThat(EntryText.of(xhc, plane, true)).contains("+-o XHC1@14  <class IOPCIDevice, id 0x100000140,"
                + " registered, matched, active, busy 0 (0 ms), retain 3>").contains("  +-o APPLE SSD Media");
    }

    @Test
    void entryAsRootForTextRendering() throws Exception {
        TinyRegistry t = new TinyRegistry();
        var copy = Subtree.extractAsRoot(t.r, t.xhc, t.service, false);
        assertThat(copy.size()).isEqualTo(1);
        assertThat(copy.root().className()).isEqualTo("IOPCIDevice");
        assertThat(copy.root().registryEntryID()).isEqualTo(0x100000140L);
        String text = EntryExport.text(t.r, t.xhc, t.service, true, SnapshotFormat.IOREG_TEXT);
        assertThat(text).startsWith("+-o XHC1@14  <class IOPCIDevice, id 0x100000140").contains("APPLE SSD Media")
                .doesNotContain("Root");
        String xml = EntryExport.text(t.r, t.xhc, t.service, false, SnapshotFormat.IOREG_XML);
        assertThat(xml).contains("<string>IOPCIDevice</string>").contains("<key>class-code</key>")
                .doesNotContain("APPLE SSD Media");
    }

    @Test
    void planeOrderAndAncestry() {
        TinyRegistry t = new TinyRegistry();
        var order = PlaneOrder.of(t.r, t.service);
        assertThat(order.sort(List.of(t.media, t.pe, t.gfx))).containsExactly(t.pe, t.gfx, t.media);
        assertThat(PlaneOrder.ancestry(t.r, t.media, t.service)).containsExactly(t.r.root(), t.pe, t.pci0, t.xhc,
                t.media);
        assertThat(PlaneOrder.ancestry(t.r, t.gfx, t.dt)).isEmpty();
    }
}
