package dev.ioscope.app.workbench.userclient;

import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.streams.StreamEvents;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One user-client action the console added to the scenario, with what the journal says about it up to the current
 * position: its own event (the IOReturn of the open, call or close — or a {@code scenario.error}), and for an async
 * call the completions that have arrived. Both stay null / empty while the machine has not reached them (after a
 * step back, or an async completion still ahead on the virtual clock).
 */
public record ConsoleCall(Scenario.Action action, JournalEvent result, List<JournalEvent> completions) {
    public ConsoleCall {
        completions = List.copyOf(completions);
    }

    /** The journal kind an action answers with: {@code userclient.open}, …, {@code userclient.provide}. */
    static JournalKind kindOf(String actionType) {
        return switch (actionType) {
            case "provide-user-client" -> JournalKind.USERCLIENT_PROVIDE;
            case "open" -> JournalKind.USERCLIENT_OPEN;
            case "call" -> JournalKind.USERCLIENT_CALL;
            case "close" -> JournalKind.USERCLIENT_CLOSE;
            case "map" -> JournalKind.USERCLIENT_MAP;
            case "dequeue" -> JournalKind.USERCLIENT_DEQUEUE;
            default -> null;
        };
    }

    /**
     * The kinds a stream action of the console answers with (its own, or {@code stream.refused}); null for other
     * actions. Stream actions name the stream, not a connection (IOStreamUserClient's methods and traps).
     */
    static Set<StreamEvents> streamKindsOf(String actionType) {
        return switch (actionType) {
            case "stream-open" -> EnumSet.of(StreamEvents.OPEN, StreamEvents.REFUSED);
            case "stream-close" -> EnumSet.of(StreamEvents.CLOSE, StreamEvents.REFUSED);
            case "stream-start", "stream-stop" -> EnumSet.of(StreamEvents.CONTROL, StreamEvents.REFUSED);
            case "stream-enqueue-output", "stream-enqueue-input" -> EnumSet.of(StreamEvents.ENQUEUE,
                    StreamEvents.REFUSED);
            case "stream-dequeue-output", "stream-dequeue-input" -> EnumSet.of(StreamEvents.DEQUEUE,
                    StreamEvents.REFUSED);
            default -> null;
        };
    }

    /** The connection handle an action names (the scenario default is {@code uc0}). */
    static String connectionOf(Scenario.Action a) {
        String c = a.type().equals("open") ? a.arg("as") : a.arg("connection");
        return c == null ? "uc0" : c;
    }

    /**
     * Pairs each console action with its events among {@code events[0, eventsNow)}: the first event at the action's
     * time of its kind (same connection, same selector for a call) not already taken; completions of the same
     * connection and refcon at or after it.
     */
    static List<ConsoleCall> of(List<Scenario.Action> actions, List<JournalEvent> events, int eventsNow) {
        List<JournalEvent> known = events.subList(0, Math.min(eventsNow, events.size()));
        Set<Long> taken = new HashSet<>();
        List<ConsoleCall> out = new ArrayList<>();
        for (Scenario.Action a : actions) {
            JournalEvent result = null;
            int at = firstAt(known, a.at());
            for (; at < known.size() && known.get(at).t() == a.at(); at++) {
                JournalEvent e = known.get(at);
                if (!taken.contains(e.seq()) && answers(a, e)) {
                    result = e;
                    break;
                }
            }
            List<JournalEvent> done = new ArrayList<>();
            if (result != null) {
                taken.add(result.seq());
                if (Boolean.parseBoolean(a.arg("async")) && result.kind() == JournalKind.USERCLIENT_CALL) {
                    for (JournalEvent e : known.subList(at + 1, known.size())) {
                        if (e.kind() == JournalKind.USERCLIENT_ASYNC_COMPLETE
                                && connectionOf(a).equals(e.details().get("connection"))
                                && String.valueOf(a.arg("refcon") == null ? "0" : a.arg("refcon"))
                                        .equals(e.details().get("refcon"))
                                && taken.add(e.seq())) {
                            done.add(e);
                        }
                    }
                }
            }
            out.add(new ConsoleCall(a, result, done));
        }
        return out;
    }

    /** The first event at or after time {@code t}: the journal is in time order, so a binary search (per frame). */
    private static int firstAt(List<JournalEvent> events, long t) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).t() < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static boolean answers(Scenario.Action a, JournalEvent e) {
        if (e.kind() == JournalKind.SCENARIO_ERROR) {
            return a.type().equals(e.details().get("action"));
        }
        Set<StreamEvents> streamKinds = streamKindsOf(a.type());
        if (streamKinds != null) {
            return e.kind() instanceof StreamEvents k && streamKinds.contains(k)
                    && String.valueOf(a.arg("name")).equals(e.details().get("stream"));
        }
        if (e.kind() != kindOf(a.type())) {
            return false;
        }
        return switch (a.type()) {
            case "open" -> a.arg("as") != null && a.arg("as").equals(e.details().get("connection"))
                    || e.entry().equals(a.arg("path"));
            case "call" -> connectionOf(a).equals(e.details().get("connection"))
                    && (a.arg("selector") == null || a.arg("selector").equals(e.details().get("selector")));
            case "close", "map", "dequeue" -> connectionOf(a).equals(e.details().get("connection"));
            default -> true;
        };
    }
}
