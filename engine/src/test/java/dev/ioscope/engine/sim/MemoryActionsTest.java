package dev.ioscope.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioscope.engine.journal.JournalKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * The memory scenario actions and their journal (docs/scenarios.md, "Memory"), and {@link MemoryTable}'s reading
 * of it. Expected addresses and counts are worked out by hand from the rules (MD3-MD9) the actions call.
 */
class MemoryActionsTest {
    @TempDir
    Path dir;

    private Simulation run(String... actions) throws Exception {
        return ActionRuns.runUntilQuiet(dir, actions);
    }

    private static List<JournalEvent> of(Simulation sim, JournalKind kind) {
        return sim.journal().stream().filter(e -> e.kind() == kind).toList();
    }

    private static MemoryTable table(Simulation sim) {
        MemoryTable t = new MemoryTable();
        sim.journal().forEach(t::accept);
        return t;
    }

    @Test
    @DisplayName("MD4, MD6: a wired output buffer is read-only: a prepare for input is refused; MD8, MD9: a second "
            + "mapping is shared and the map keeps the released buffer until its last release")
    void bufferLifeCycle() throws Exception {
        Simulation sim = run(
                "{\"do\":\"memory-create\",\"name\":\"buf\",\"capacity\":\"0x2000\",\"direction\":\"out\"}",
                "{\"do\":\"memory-prepare\",\"name\":\"buf\",\"direction\":\"in\"}",
                "{\"do\":\"memory-map\",\"name\":\"buf\",\"task\":\"app\",\"options\":\"anywhere\"}",
                "{\"do\":\"memory-map\",\"name\":\"buf\",\"task\":\"app\",\"as\":\"again\"}",
                "{\"do\":\"memory-release\",\"name\":\"buf\"}",
                "{\"do\":\"memory-release\",\"map\":\"buf@app\"}",
                "{\"do\":\"memory-release\",\"map\":\"again\"}",
                "{\"do\":\"memory-set-length\",\"name\":\"buf\",\"length\":\"16\"}");
        JournalEvent created = of(sim, JournalKind.MEMORY_CREATE).get(0);
        assertThat(created.details()).containsEntry("class", "IOBufferMemoryDescriptor")
                .containsEntry("ranges", "0x100000000+0x2000").containsEntry("wireCount", "1")
                .containsEntry("capacity", "0x2000");
        // made with kIOMemoryAutoPrepare for its own direction (Out): wired read-only, so In is not writable
        assertThat(of(sim, JournalKind.MEMORY_PREPARE).get(0).details())
                .containsEntry("result", "kIOReturnNotWritable").containsEntry("wireCount", "1")
                .containsEntry("readOnly", "true");
        List<JournalEvent> maps = of(sim, JournalKind.MEMORY_MAP);
        assertThat(maps.get(0).details()).containsEntry("address", "0x100000000").containsEntry("shared", "false");
        assertThat(maps.get(1).details()).containsEntry("map", "buf@app").containsEntry("shared", "true")
                .containsEntry("retainCount", "2");
        List<JournalEvent> releases = of(sim, JournalKind.MEMORY_RELEASE);
        assertThat(releases.get(0).details()).containsEntry("freed", "false").containsEntry("maps", "1");
        assertThat(releases.get(1).details()).containsEntry("retainCount", "1").containsEntry("freed", "false");
        assertThat(releases.get(2).details()).containsEntry("freed", "true");
        assertThat(of(sim, JournalKind.MEMORY_FREE)).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("by", "last map"));
        assertThat(of(sim, JournalKind.SCENARIO_ERROR)).singleElement()
                .satisfies(e -> assertThat(e.details().get("reason")).contains("freed"));
        MemoryTable.Descriptor row = table(sim).descriptors().get(0);
        assertThat(row.state()).isEqualTo("freed");
        assertThat(row.maps()).isEmpty();
    }

    @Test
    @DisplayName("MD3, MD5: capacity 0 is refused with NULL; setLength above the capacity is ignored")
    void refusedAndIgnored() throws Exception {
        Simulation sim = run(
                "{\"do\":\"memory-create\",\"name\":\"none\",\"capacity\":0}",
                "{\"do\":\"memory-create\",\"name\":\"b\",\"capacity\":\"0x80\",\"options\":\"inhibitCache\"}",
                "{\"do\":\"memory-set-length\",\"name\":\"b\",\"length\":\"0x81\"}",
                "{\"do\":\"memory-set-length\",\"name\":\"b\",\"length\":\"0x10\"}");
        assertThat(of(sim, JournalKind.MEMORY_REFUSED)).singleElement().satisfies(e -> assertThat(e.details())
                .containsEntry("result", "NULL").containsEntry("reason", "capacity 0"));
        // a cache mode aligns on a page: alignment 0x1000, allocation 0x1000, capacity still 0x80
        assertThat(of(sim, JournalKind.MEMORY_CREATE).get(0).details()).containsEntry("alignment", "0x1000")
                .containsEntry("allocated", "0x1000").containsEntry("capacity", "0x80");
        List<JournalEvent> set = of(sim, JournalKind.MEMORY_SET_LENGTH);
        assertThat(set.get(0).details()).containsEntry("set", "false").containsEntry("length", "0x80");
        assertThat(set.get(1).details()).containsEntry("set", "true").containsEntry("length", "0x10");
        assertThat(table(sim).descriptors()).singleElement()
                .satisfies(d -> assertThat(d.length()).isEqualTo("0x10"));
    }

    @Test
    @DisplayName("DMA4: a dma-transfer of a named descriptor marks its bounce segments, and the table keeps them")
    void dmaOfANamedDescriptor() throws Exception {
        // the DMA4 conformance layout (16 KiB straddling 4 GiB, Segment32), made by memory-create and prepared
        Simulation sim = run(
                "{\"do\":\"memory-create\",\"name\":\"high\",\"ranges\":\"0xffffe000+0x4000\",\"direction\":\"in\"}",
                "{\"do\":\"memory-prepare\",\"name\":\"high\"}",
                "{\"do\":\"dma-transfer\",\"memory\":\"high\",\"output\":\"Host32\",\"lowMemory\":\"0x100000\"}",
                "{\"do\":\"memory-complete\",\"name\":\"high\"}",
                "{\"do\":\"memory-complete\",\"name\":\"high\"}");
        List<JournalEvent> segs = of(sim, JournalKind.DMA_SEGMENT);
        assertThat(segs).extracting(e -> e.details().get("address") + "+" + e.details().get("length") + " "
                + e.details().get("bounce")).containsExactly("0xffffe000+0x2000 false", "0x100000+0x1000 true",
                "0x101000+0x1000 true");
        List<JournalEvent> completes = of(sim, JournalKind.MEMORY_COMPLETE);
        assertThat(completes.get(0).details()).containsEntry("wireCount", "0").containsEntry("unbalanced", "false");
        assertThat(completes.get(1).details()).containsEntry("unbalanced", "true");
        MemoryTable.Transfer t = table(sim).transfer();
        assertThat(t.memory()).isEqualTo("high");
        assertThat(t.bouncePages()).isEqualTo(2);
        assertThat(t.segments()).extracting(MemoryTable.Segment::bounce).containsExactly(false, true, true);
        assertThat(t.end()).isEqualTo("complete: kIOReturnSuccess");
    }
}
