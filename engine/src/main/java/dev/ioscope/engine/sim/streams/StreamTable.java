package dev.ioscope.engine.sim.streams;

import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.JournalFolding;
import dev.ioscope.engine.sim.streams.IOStreams.Place;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The streams as the journal tells them up to one point: each stream's client and state, where each buffer is
 * (kernel, output queue, user, input queue) and how many times buffers went round. Built from the journal alone,
 * so the workbench shows the buffers cycling at any step, backwards too. Feed events in order with {@link #accept}.
 */
public final class StreamTable implements JournalFolding {
    /**
     * One stream: its client ("" when closed), state, each buffer's place, completed round trips, the last thing
     * that happened, and the driver that made it ("" when the scenario named none).
     */
    public record Row(String stream, String mode, String client, String state, List<Place> buffers, int roundTrips,
                      String last, String owner) {
        public Row {
            buffers = List.copyOf(buffers);
        }
    }

    private static final class Info {
        String owner = "";
        String mode;
        String client = "";
        String state = "closed";
        Place[] buffers;
        int roundTrips;
        String last = "";
    }

    private final Map<String, Info> streams = new LinkedHashMap<>();
    private int seen;

    @Override
    public int seen() {
        return seen;
    }

    @Override
    public void accept(JournalEvent e) {
        seen++;
        if (!(e.kind() instanceof StreamEvents kind)) {
            return;
        }
        Map<String, String> d = e.details();
        Info s = streams.get(d.getOrDefault("stream", ""));
        if (kind == StreamEvents.CREATE) {
            Info n = new Info();
            n.owner = e.entry();
            n.mode = d.get("mode");
            n.buffers = new Place[Integer.parseInt(d.get("buffers"))];
            Arrays.fill(n.buffers, Place.KERNEL);
            streams.put(d.get("stream"), n);
            return;
        }
        if (s == null) {
            return;
        }
        int b = d.containsKey("buffer") ? Integer.parseInt(d.get("buffer")) : -1;
        boolean output = "output".equals(d.get("queue"));
        switch (kind) {
            case OPEN -> {
                s.client = d.get("client");
                s.state = "open";
            }
            case CLOSE -> {
                s.client = "";
                s.state = "closed";
                Arrays.fill(s.buffers, Place.KERNEL);
            }
            case CONTROL -> s.state = switch (d.get("call")) {
                case "startStream" -> "started";
                case "stopStream" -> "stopped";
                default -> "suspended";
            };
            case ENQUEUE -> s.buffers[b] = output ? Place.OUTPUT_QUEUE : Place.INPUT_QUEUE;
            case DEQUEUE -> {
                s.buffers[b] = output ? Place.USER : Place.KERNEL;
                s.roundTrips += output ? 0 : 1;
            }
            default -> {
                // notify and refused change no buffer
            }
        }
        s.last = kind == StreamEvents.REFUSED ? "refused " + d.get("call") + ": " + d.get("reason")
                : kind == StreamEvents.NOTIFY ? d.get("call") : s.last;
    }

    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        streams.forEach((n, s) -> out.add(new Row(n, s.mode, s.client, s.state, List.of(s.buffers), s.roundTrips,
                s.last, s.owner)));
        return out;
    }
}
