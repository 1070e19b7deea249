package dev.ioscope.app.workbench.userclient;

import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.ScenarioAction;
import dev.ioscope.engine.userclient.UserClientAction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Pairing console actions with their journal answers; the form's number parsing. No toolkit needed. */
class ConsoleCallTest {
    private static Scenario.Action action(long at, ScenarioAction op) {
        return new Scenario.Action(at, op);
    }

    private static JournalEvent event(long seq, long t, String kind, Map<String, String> details) {
        return new JournalEvent(seq, t, JournalKind.of(kind).orElseThrow(), "IOService:/demo", details);
    }

    @Test
    void eachActionFindsItsOwnEventAndAsyncCallsTheirCompletions() {
        var open = action(101, new UserClientAction.Open("IOService:/demo", null, "ui0"));
        var async = action(102, new UserClientAction.Call("ui0", null, JsonValue.of("3"), JsonValue.of("[50]"), null,
                null, null, JsonValue.of("true"), JsonValue.of("2")));
        var add = action(103, new UserClientAction.Call("ui0", null, JsonValue.of("0"), JsonValue.of("[1]"), null,
                null, null, null, null));
        var unmapped = action(104, new UserClientAction.Dequeue("ui0", JsonValue.of("1")));
        List<JournalEvent> events = List.of(
                event(0, 100, "userclient.call", Map.of("connection", "c", "selector", "3")),   // not ours
                event(1, 101, "userclient.open", Map.of("connection", "ui0", "value", "0x00000000")),
                event(2, 102, "userclient.call", Map.of("connection", "ui0", "selector", "3", "async", "true",
                        "value", "0x00000000")),
                event(3, 103, "userclient.call", Map.of("connection", "ui0", "selector", "0",
                        "value", "0xe00002c2")),
                new JournalEvent(4, 104, JournalKind.SCENARIO_ERROR, "", Map.of("action", "dequeue", "reason",
                        "not mapped")),
                event(5, 152, "userclient.async.complete", Map.of("connection", "ui0", "refcon", "2",
                        "value", "0x00000000")));

        List<ConsoleCall> all = ConsoleCall.of(List.of(open, async, add, unmapped), events, events.size());
        assertThat(all).extracting(c -> c.result() == null ? -1 : c.result().seq()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(all.get(1).completions()).extracting(JournalEvent::seq).containsExactly(5L);
        assertThat(CallHistory.ok(all.get(2).result())).isFalse();

        // before the machine reached the completion (or after stepping back), it is not there yet
        List<ConsoleCall> earlier = ConsoleCall.of(List.of(open, async, add), events, 4);
        assertThat(earlier.get(1).completions()).isEmpty();
        List<ConsoleCall> before = ConsoleCall.of(List.of(open, async, add), events, 2);
        assertThat(before.get(1).result()).isNull();
    }

    @Test
    void scalarsAreDecimalOrHexAndShownInTheOtherBase() {
        assertThat(MethodForm.parseScalar("17")).isEqualTo(17L);
        assertThat(MethodForm.parseScalar("-1")).isEqualTo(-1L);
        assertThat(MethodForm.parseScalar("0xffffffffffffffff")).isEqualTo(-1L);
        assertThat(MethodForm.parseScalar("0x1g")).isNull();
        assertThat(MethodForm.parseScalar(" ")).isNull();
        assertThat(MethodForm.otherBase("16")).isEqualTo("= 0x10");
        assertThat(MethodForm.otherBase("0x10")).isEqualTo("= 16");
        assertThat(MethodForm.otherBase("ten")).isEqualTo("not a number");
    }

    @Test
    void hexDumpPrintsSixteenBytesALine() {
        String hex = "00".repeat(16) + "ab";
        assertThat(MappedMemoryPane.hexDump(hex).split("\n")).containsExactly(
                "0000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00", "0010  ab");
    }
}
