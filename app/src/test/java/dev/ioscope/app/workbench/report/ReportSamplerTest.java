package dev.ioscope.app.workbench.report;

import dev.ioscope.engine.report.sampling.ReportValue;
import dev.ioscope.engine.report.sampling.ReportFrame;
import dev.ioscope.engine.report.sampling.ReportFormat;
import dev.ioscope.engine.report.ReportChannel;
import dev.ioscope.engine.sim.Replay;
import dev.ioscope.engine.spi.PluginLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine-thread sampler on a real Replay of the demo driver (no toolkit). */
class ReportSamplerTest {
    private static Replay started(Path dir) throws Exception {
        Replay r = new Replay(ReportDemo.scenario(dir, 1_000_000), ReportDemo.behaviors(20, 1_000_000, 0),
                PluginLoader.builtInExtensions());
        while (r.simulation().reportHub().published().isEmpty()) {
            assertThat(r.step()).isTrue();
        }
        return r;
    }

    private static ReportChannel named(ReportState s, String name) {
        return s.channels().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsTheHubsChannelsAndSamplesOnlyTheRequestedOnesIntoFrames(@TempDir Path dir) throws Exception {
        Replay r = started(dir);
        ReportSampler s = new ReportSampler();
        ReportState st = s.sample(r.simulation(), r.position(), false);
        assertThat(st.channels()).extracting(ReportFormat::path).containsExactly("Demo / Counters / Ticks",
                "Demo / Counters / Bytes", "Demo / Power / Power State", "Demo / Latency / Latency");
        assertThat(st.subscribed()).isEmpty();
        assertThat(st.frames()).isEmpty();   // nothing asked for, nothing sampled

        ReportChannel ticks = named(st, "Ticks");
        s.request(List.of(ticks, named(st, "Power State"), named(st, "Latency")));
        r.runUntilQuiet();
        st = s.sample(r.simulation(), r.position(), false);
        assertThat(st.subscribed()).hasSize(3);
        ReportFrame last = st.last();
        assertThat(last.clockNs()).isEqualTo(r.simulation().scheduler().now());
        assertThat(last.value(ticks)).isEqualTo(new ReportValue.Simple(20));
        assertThat(last.value(named(st, "Bytes"))).isNull();
        ReportValue.Histogram h = (ReportValue.Histogram) last.value(named(st, "Latency"));
        assertThat(h.count()).isEqualTo(20);
        assertThat(h.buckets()).hasSize(10);
        assertThat(h.buckets().get(0).upperBound()).isEqualTo(100_000);
        assertThat(h.buckets().get(9).upperBound()).isEqualTo(Long.MAX_VALUE);
        assertThat(h.min()).isGreaterThanOrEqualTo(50_000);
        assertThat(h.max()).isLessThanOrEqualTo(50_000 + 12 * 70_000);
        ReportValue.State p = (ReportValue.State) last.value(named(st, "Power State"));
        assertThat(p.states()).hasSize(3);
        assertThat(p.transitions()).isEqualTo(7);            // the first state, then one every third tick
        assertThat(p.current()).isEqualTo(0);                // tick 18: 18 / 3 % 3
        // residency covers the time since the first state was entered
        assertThat(p.residency()).isEqualTo(r.simulation().scheduler().now() - 3_000);
    }

    @Test
    void aMachineRebuiltForReplayKeepsThePastFramesAndSamplesItsNewReporters(@TempDir Path dir) throws Exception {
        Replay r = started(dir);
        ReportSampler s = new ReportSampler();
        ReportChannel ticks = named(s.sample(r.simulation(), r.position(), false), "Ticks");
        s.request(List.of(ticks));
        long[] at = new long[4];
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 3; k++) {
                r.step();
            }
            at[i] = r.position();
            s.sample(r.simulation(), r.position(), false);
        }
        long before = ((ReportValue.Simple) s.sample(r.simulation(), r.position(), false).last().value(ticks)).value();
        assertThat(before).isPositive();

        r.seek(at[1]);   // step back: a new Simulation, a new hub, new reporters
        ReportState st = s.sample(r.simulation(), r.position(), false);
        assertThat(st.frames()).extracting(ReportFrame::position).endsWith(at[0], at[1]).doesNotContain(at[2], at[3]);
        assertThat(st.subscribed()).containsExactly(ticks);
        long again = ((ReportValue.Simple) st.last().value(ticks)).value();
        r.runUntilQuiet();
        assertThat(((ReportValue.Simple) s.sample(r.simulation(), r.position(), false).last().value(ticks)).value())
                .isEqualTo(20);
        assertThat(again).isLessThan(before);
    }

    @Test
    void aChannelAskedForBeforeItsDriverStartsIsSampledOnceItExists(@TempDir Path dir) throws Exception {
        ReportChannel ticks = named(new ReportSampler().sample(started(dir).simulation(), 0, false), "Ticks");
        Replay fresh = new Replay(ReportDemo.scenario(dir, 1_000_000), ReportDemo.behaviors(20, 1_000_000, 0),
                PluginLoader.builtInExtensions());
        ReportSampler s = new ReportSampler();
        s.request(List.of(ticks));
        assertThat(s.sample(fresh.simulation(), 0, false).subscribed()).isEmpty();
        while (fresh.simulation().reportHub().published().isEmpty()) {
            fresh.step();
        }
        fresh.step();
        ReportState st = s.sample(fresh.simulation(), fresh.position(), false);
        assertThat(st.subscribed()).containsExactly(ticks);
        assertThat(st.last().value(ticks)).isInstanceOf(ReportValue.Simple.class);
    }

    @Test
    void theRingKeepsTheNewestFrames(@TempDir Path dir) throws Exception {
        Replay r = new Replay(ReportDemo.scenario(dir, 1_000_000), ReportDemo.behaviors(ReportSampler.CAPACITY + 50,
                1_000, 0), PluginLoader.builtInExtensions());
        while (r.simulation().reportHub().published().isEmpty()) {
            r.step();
        }
        ReportSampler s = new ReportSampler();
        s.request(List.of(named(s.sample(r.simulation(), r.position(), false), "Ticks")));
        ReportState st = null;
        while (r.step()) {
            st = s.sample(r.simulation(), r.position(), false);
        }
        assertThat(st.frames()).hasSize(ReportSampler.CAPACITY);
        assertThat(st.last().position()).isEqualTo(r.position());
    }
}
