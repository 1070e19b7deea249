package dev.ioscope.engine.sim.streams;

import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.streams.IOStreams.Place;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.ioscope.engine.sim.streams.StreamRulesTest.CREATE;
import static dev.ioscope.engine.sim.streams.StreamRulesTest.OPEN;
import static dev.ioscope.engine.sim.streams.StreamRulesTest.READ;
import static dev.ioscope.engine.sim.streams.StreamRulesTest.START;
import static dev.ioscope.engine.sim.streams.StreamRulesTest.TAKE;
import static dev.ioscope.engine.sim.streams.StreamRulesTest.back;
import static dev.ioscope.engine.sim.streams.StreamRulesTest.out;
import static org.assertj.core.api.Assertions.assertThat;

/** The workbench's stream table, folded from the journal: at every step it agrees with the engine's buffers. */
class StreamTableTest {
    @TempDir
    Path dir;

    @Test
    void buffersCycleAndTheTableAgreesAtEveryStep() throws Exception {
        StreamRulesTest rules = new StreamRulesTest();
        rules.dir = dir;
        Simulation sim = rules.run(CREATE, OPEN, START, out(0), out(1), READ, back(0), TAKE, READ, out(2));
        StreamTable t = new StreamTable();
        sim.journal().forEach(t::accept);
        StreamTable.Row r = t.rows().get(0);
        assertThat(r.buffers()).containsExactly(Place.KERNEL, Place.USER, Place.OUTPUT_QUEUE);
        assertThat(r.buffers()).isEqualTo(sim.extension(IOStreams.class).places("cam"));
        assertThat(r.roundTrips()).isEqualTo(1);
        assertThat(List.of(r.client(), r.state(), r.mode(), r.last()))
                .containsExactly("app", "started", "kIOStreamModeOutput", "sendOutputNotification");
    }
}
