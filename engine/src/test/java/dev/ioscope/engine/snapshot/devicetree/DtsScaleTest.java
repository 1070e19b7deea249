package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Big sources: tens of thousands of siblings, labels, references and top-level overlays, and a node whose
 * properties all sit on one long line, read correctly. (The lookups behind them are indexed, so the reading stays
 * linear: measured at 20k to 160k nodes when written; speed itself is not asserted in unit tests.)
 */
class DtsScaleTest {
    private static final int N = 20_000;

    static Snapshot parse(String text) throws Exception {
        return new DtsReader().read(text.getBytes(StandardCharsets.ISO_8859_1), "big.dts", ParseLimits.DEFAULT);
    }

    @Test
    void manyLabelledSiblingsReferencesAndOverlays() throws Exception {
        StringBuilder sb = new StringBuilder("/dts-v1/;\n/ {\n");
        for (int i = 0; i < N; i++) {
            sb.append("  l").append(i).append(": n@").append(Integer.toHexString(i)).append(" { r = <&l")
                    .append(i == 0 ? 0 : i - 1).append(">; p = &{/n@0}; };\n");
        }
        sb.append("};\n");
        for (int i = 0; i < N; i += 2) {
            sb.append("&l").append(i).append(" { extra = <").append(i).append(">; };\n");
        }
        Snapshot s = parse(sb.toString());
        DeviceTreeIndex index = DeviceTreeIndex.of(s.registry());
        // n@1's r = <&l0>: l0 (n@0) was the first node referenced, so it got phandle 1.
        assertThat(index.byPhandle(1).orElseThrow().location()).isEqualTo("0");
        assertThat(index.byPath("/n@" + Integer.toHexString(N - 2)).orElseThrow().property("extra")).isNotNull();
        assertThat(s.registry().size()).isEqualTo(N + 2);
    }

    @Test
    void oneLongLineOfHashProperties() throws Exception {
        StringBuilder sb = new StringBuilder("/dts-v1/;\n/ { n {");
        for (int i = 0; i < 4 * N; i++) {
            sb.append(" #p").append(i).append(';');
        }
        sb.append(" }; };\n");
        Snapshot s = parse(sb.toString());
        assertThat(DeviceTreeIndex.of(s.registry()).byPath("/n").orElseThrow().properties().size())
                .isEqualTo(4 * N);
    }
}
