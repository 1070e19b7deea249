package dev.ioscope.app.workbench.userclient;

import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.ScenarioAction;
import dev.ioscope.engine.sim.streams.StreamAction;
import dev.ioscope.engine.sim.streams.StreamEvents;
import dev.ioscope.engine.userclient.UserClientAction;
import dev.ioscope.engine.userclient.UserClientAction.Call;
import dev.ioscope.engine.userclient.UserClientAction.Close;
import dev.ioscope.engine.userclient.UserClientAction.Dequeue;
import dev.ioscope.engine.userclient.UserClientAction.Open;
import dev.ioscope.engine.userclient.UserClientAction.ProvideUserClient;

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
    static JournalKind kindOf(ScenarioAction op) {
        if (op instanceof ProvideUserClient) {
            return JournalKind.USERCLIENT_PROVIDE;
        } else if (op instanceof Open) {
            return JournalKind.USERCLIENT_OPEN;
        } else if (op instanceof Call) {
            return JournalKind.USERCLIENT_CALL;
        } else if (op instanceof Close) {
            return JournalKind.USERCLIENT_CLOSE;
        } else if (op instanceof UserClientAction.Map) {
            return JournalKind.USERCLIENT_MAP;
        } else if (op instanceof Dequeue) {
            return JournalKind.USERCLIENT_DEQUEUE;
        }
        return null;
    }

    /**
     * The kinds a stream action of the console answers with (its own, or {@code stream.refused}); null for other
     * actions. Stream actions name the stream, not a connection (IOStreamUserClient's methods and traps).
     */
    static Set<StreamEvents> streamKindsOf(ScenarioAction op) {
        if (op instanceof StreamAction.StreamOpen) {
            return EnumSet.of(StreamEvents.OPEN, StreamEvents.REFUSED);
        } else if (op instanceof StreamAction.StreamClose) {
            return EnumSet.of(StreamEvents.CLOSE, StreamEvents.REFUSED);
        } else if (op instanceof StreamAction.StreamStart || op instanceof StreamAction.StreamStop) {
            return EnumSet.of(StreamEvents.CONTROL, StreamEvents.REFUSED);
        } else if (op instanceof StreamAction.StreamEnqueueOutput || op instanceof StreamAction.StreamEnqueueInput) {
            return EnumSet.of(StreamEvents.ENQUEUE, StreamEvents.REFUSED);
        } else if (op instanceof StreamAction.StreamDequeueOutput || op instanceof StreamAction.StreamDequeueInput) {
            return EnumSet.of(StreamEvents.DEQUEUE, StreamEvents.REFUSED);
        }
        return null;
    }

    /** The stream a console stream action names. */
    private static String streamName(ScenarioAction op) {
        if (op instanceof StreamAction.StreamOpen o) {
            return o.name();
        } else if (op instanceof StreamAction.StreamClose c) {
            return c.name();
        } else if (op instanceof StreamAction.StreamStart s) {
            return s.name();
        } else if (op instanceof StreamAction.StreamStop s) {
            return s.name();
        } else if (op instanceof StreamAction.StreamEnqueueOutput e) {
            return e.name();
        } else if (op instanceof StreamAction.StreamEnqueueInput e) {
            return e.name();
        } else if (op instanceof StreamAction.StreamDequeueOutput d) {
            return d.name();
        } else if (op instanceof StreamAction.StreamDequeueInput d) {
            return d.name();
        }
        return null;
    }

    /** The connection handle an action names (the scenario default is {@code uc0}). */
    static String connectionOf(Scenario.Action a) {
        String c = a.op() instanceof Open o ? o.as() : a.op() instanceof Call k ? k.connection()
                : a.op() instanceof Close k ? k.connection() : a.op() instanceof UserClientAction.Map m
                ? m.connection() : a.op() instanceof Dequeue d ? d.connection() : null;
        return c == null ? "uc0" : c;
    }

    /** Whether the action is an async call. */
    static boolean async(Scenario.Action a) {
        return a.op() instanceof Call c && c.async() != null && Boolean.parseBoolean(c.async().text());
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
                if (async(a) && result.kind() == JournalKind.USERCLIENT_CALL) {
                    JsonValue refcon = ((Call) a.op()).refcon();
                    for (JournalEvent e : known.subList(at + 1, known.size())) {
                        if (e.kind() == JournalKind.USERCLIENT_ASYNC_COMPLETE
                                && connectionOf(a).equals(e.details().get("connection"))
                                && (refcon == null ? "0" : refcon.text()).equals(e.details().get("refcon"))
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
        Set<StreamEvents> streamKinds = streamKindsOf(a.op());
        if (streamKinds != null) {
            return e.kind() instanceof StreamEvents k && streamKinds.contains(k)
                    && String.valueOf(streamName(a.op())).equals(e.details().get("stream"));
        }
        if (e.kind() != kindOf(a.op())) {
            return false;
        }
        if (a.op() instanceof Open o) {
            return o.as() != null && o.as().equals(e.details().get("connection")) || e.entry().equals(o.path());
        } else if (a.op() instanceof Call c) {
            return connectionOf(a).equals(e.details().get("connection"))
                    && (c.selector() == null || c.selector().text().equals(e.details().get("selector")));
        } else if (a.op() instanceof ProvideUserClient) {
            return true;
        }
        return connectionOf(a).equals(e.details().get("connection"));
    }
}
