package dev.ioscope.engine.userclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioscope.engine.sim.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Async completion through the sim's Scheduler: delivered when the scheduler reaches the virtual time. */
class SchedulerWiringTest {
    @Test
    void asyncCompletionRunsAsSchedulerTasksOnVirtualTime() {
        Scheduler scheduler = new Scheduler();
        IOConnect c = new IOKitUser(Set.of(), new SchedulerTimeSink(scheduler))
                .serviceOpen(t -> new UserClientProvider.NewUserClient(0, new DemoUserClient(t)), 0).connect();
        List<Long> at = new ArrayList<>();
        assertThat(c.callAsyncMethod(3, (ref, res, args, t) -> at.add(t), 1, new long[] {2_000}, null, 0, 0).ok())
                .isTrue();
        assertThat(scheduler.pending()).isEqualTo(1);
        assertThat(at).isEmpty();
        while (scheduler.step()) {
            // run to quiet
        }
        assertThat(at).containsExactly(2_000L);
        assertThat(scheduler.now()).isEqualTo(2_000);
        assertThat(scheduler.executed()).isEqualTo(2); // driver work, then the completion message
    }
}
