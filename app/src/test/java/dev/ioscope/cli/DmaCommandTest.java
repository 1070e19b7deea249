package dev.ioscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ioscope dma}: the segment tables of IODMACommandTest's hand-worked cases (rules DMA4, DMA6), through the
 * command line, and its refusals.
 */
class DmaCommandTest {
    @Test
    void aTransferStraddling4GiBForA32BitDeviceBouncesItsHighPages() {
        // DMA4: 0xffffe000+0x4000 for Segment32 → cut at 4 GiB, then two bounce pages from 0x100000
        CliTest.Result r = CliTest.run("dma", "0xffffe000+0x4000", "--output", "Host32");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsSubsequence(
                "prepare   kIOReturnSuccess: 2 bounce page(s)",
                "          page 0x100000000 -> 0x100000",
                "          page 0x100001000 -> 0x101000",
                "0     0xffffe000           0x2000",
                "1     0x100000             0x1000",
                "2     0x101000             0x1000",
                "3 segment(s), 0x4000 bytes");
    }

    @Test
    void jsonHoldsTheSegmentsJoinedAndCutAtTheMaximumSegmentSize() throws Exception {
        // DMA6: touching ranges are joined, cut at 0x2000, the leftover carried into the next segment
        CliTest.Result r = CliTest.run("dma", "0x10000+0x3000,0x13000+0x1000,0x20000+0x2000", "--max-segment",
                "0x2000", "--per-call", "1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("prepare").asText()).isEqualTo("kIOReturnSuccess");
        assertThat(doc.get("cursor").asBoolean()).isTrue();
        assertThat(doc.get("segments").findValuesAsText("address")).containsExactly("0x10000", "0x12000", "0x20000");
        assertThat(doc.get("segments").findValuesAsText("length")).containsOnly("0x2000");
    }

    @Test
    void prepareRefusalsAreAnswersAndBadValuesAreUsageErrors() {
        CliTest.Result big = CliTest.run("dma", "0x10000+0x2000", "--max-transfer", "0x1000");
        assertThat(big.code()).isZero();
        assertThat(big.out()).contains("prepare   kIOReturnNoSpace").doesNotContain("segment(s)");
        for (List<String> bad : List.of(List.of("0x10000"), List.of("0x10000+0"), List.of("x+1"),
                List.of("0x1000+0x1000", "--alignment", "3"), List.of("0x1000+0x1000", "--output", "Host16"),
                List.of("0x1000+0x1000", "--output", "Host32", "--address-bits", "40"),
                List.of("0x1000+0x1000", "--low-memory", "0x100001"))) {
            CliTest.Result r = CliTest.run(List.of(List.of("dma"), bad).stream().flatMap(List::stream)
                    .toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", bad)).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().lines().findFirst().orElse("")).as(r.err()).startsWith("ioscope dma: ");
            assertThat(r.err()).doesNotContain("Exception");
        }
    }
}
