package dev.ioscope.engine.sim;

import dev.ioscope.engine.spi.PluginLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** addMatchingNotification semantics, one rule each (N1-N5 in docs/iokit-rules.md). */
class NotificationTest {
    static String arm(long at, String type, String name) {
        return "{\"at\":" + at + ",\"do\":\"add-notification\",\"type\":\"" + type
                + "\",\"matching\":{\"IONameMatch\":\""
                + name + "\"}}";
    }

    static final String PUBLISH = "{\"at\":1000,\"do\":\"publish\",\"parent\":\"IOService:/\",\"name\":\"widget\"}";
    static final String REREGISTER = "{\"at\":50000,\"do\":\"register\",\"path\":\"IOService:/widget\"}";

    static List<String> deliveries(Path dir, String... actions) throws Exception {
        Simulation sim = Simulation.of(Scenario.read(SimulationTest.scenario(dir, String.join(",", actions))),
                Map.of(), PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        return sim.journal().stream().filter(e -> e.kind().id().startsWith("notify.")
                || e.kind().id().equals("scenario.error"))
                .map(e -> e.t() + " " + e.kind().id() + " " + e.details()).toList();
    }

    @Test
    void n1FirstPublishFiresOncePerServicePublishOnEveryRegistration(@TempDir Path dir) throws Exception {
        List<String> d = deliveries(dir, arm(0, "publish", "widget"), arm(0, "first-publish", "widget"), PUBLISH,
                REREGISTER);
        assertThat(d).containsExactly(
                "0 notify.armed {id=0, type=publish}",
                "0 notify.armed {id=1, type=first-publish}",
                // doServiceMatch delivers first-publish before publish
                "1000 notify.deliver {id=1, type=first-publish}",
                "1000 notify.deliver {id=0, type=publish}",
                "50000 notify.deliver {id=0, type=publish}");
    }

    @Test
    void n2FirstMatchFiresOncePerServiceMatchedAfterEveryMatchingRound(@TempDir Path dir) throws Exception {
        List<String> d = deliveries(dir, arm(0, "first-match", "widget"), arm(0, "matched", "widget"), PUBLISH,
                REREGISTER);
        // publish at 1 µs → matched after the start step at 3 µs; re-registered at 50 µs → its category is taken,
        // nothing to start, matched at 51 µs
        assertThat(d).containsExactly(
                "0 notify.armed {id=0, type=first-match}",
                "0 notify.armed {id=1, type=matched}",
                "3000 notify.deliver {id=1, type=matched}",
                "3000 notify.deliver {id=0, type=first-match}",
                "51000 notify.deliver {id=1, type=matched}");
    }

    @Test
    void n3ArmingDeliversTheExistingMatchesForEveryStateKind(@TempDir Path dir) throws Exception {
        List<String> d = deliveries(dir, PUBLISH, arm(10_000, "publish", "widget"), arm(10_000, "first-publish",
                "widget"), arm(10_000, "matched", "widget"), arm(10_000, "first-match", "widget"),
                arm(10_000, "terminated", "widget"), arm(10_000, "first-match", "gadget"));
        assertThat(d).containsExactly(
                "10000 notify.armed {id=0, type=publish}",
                "10000 notify.deliver {id=0, type=publish, existing=true}",
                "10000 notify.armed {id=1, type=first-publish}",
                "10000 notify.deliver {id=1, type=first-publish, existing=true}",
                "10000 notify.armed {id=2, type=matched}",
                "10000 notify.deliver {id=2, type=matched, existing=true}",
                "10000 notify.armed {id=3, type=first-match}",
                "10000 notify.deliver {id=3, type=first-match, existing=true}",
                "10000 notify.armed {id=4, type=terminated}",
                "10000 notify.armed {id=5, type=first-match}");
    }

    @Test
    void n4TerminatedKeepsFiringAndRemoveStopsANotifier(@TempDir Path dir) throws Exception {
        String publishGadget = "{\"at\":1000,\"do\":\"publish\",\"parent\":\"IOService:/\",\"name\":\"gadget\"}";
        List<String> d = deliveries(dir, "{\"at\":0,\"do\":\"add-notification\",\"type\":\"terminated\","
                        + "\"matching\":{\"IOProviderClass\":\"IOService\",\"IONameMatch\":[\"widget\",\"gadget\"]}}",
                arm(0, "matched", "widget"), PUBLISH, publishGadget,
                "{\"at\":20000,\"do\":\"terminate\",\"path\":\"IOService:/widget\"}",
                "{\"at\":30000,\"do\":\"remove-notification\",\"id\":0}",
                "{\"at\":40000,\"do\":\"terminate\",\"path\":\"IOService:/gadget\"}",
                "{\"at\":45000,\"do\":\"remove-notification\",\"id\":0}");
        assertThat(d).filteredOn(s -> s.contains("terminated") || s.contains("removed") || s.contains("error"))
                .containsExactly(
                        "0 notify.armed {id=0, type=terminated}",
                        // terminatePhase1: delivered as the service goes inactive, not at stop
                        "20000 notify.deliver {id=0, type=terminated}",
                        "30000 notify.removed {id=0}",
                        "45000 scenario.error {action=remove-notification, reason=no notification 0}");
    }

    @Test
    void n5AnUnknownTypeArmsNothing(@TempDir Path dir) throws Exception {
        List<String> d = deliveries(dir, arm(0, "published", "widget"), PUBLISH);
        assertThat(d).containsExactly(
                "0 scenario.error {action=add-notification, reason=unknown notification type published}");
    }
}
