package dev.ioscope.engine.sim.streams;

import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.ScenarioAction;
import dev.ioscope.engine.sim.streams.StreamAction.StreamClose;
import dev.ioscope.engine.sim.streams.StreamAction.StreamCreate;
import dev.ioscope.engine.sim.streams.StreamAction.StreamDequeueInput;
import dev.ioscope.engine.sim.streams.StreamAction.StreamDequeueOutput;
import dev.ioscope.engine.sim.streams.StreamAction.StreamEnqueueInput;
import dev.ioscope.engine.sim.streams.StreamAction.StreamEnqueueOutput;
import dev.ioscope.engine.sim.streams.StreamAction.StreamOpen;
import dev.ioscope.engine.sim.streams.StreamAction.StreamStart;
import dev.ioscope.engine.sim.streams.StreamAction.StreamStop;
import dev.ioscope.engine.sim.streams.StreamAction.StreamSuspend;

import java.util.Optional;

/**
 * The scenario actions of the IOStream model (docs/scenarios.md, "Streams"). The driver side:
 * {@code stream-create} (name, path, buffers, mode, queueLength), {@code stream-enqueue-output} (name, buffer,
 * length), {@code stream-dequeue-input} (name). The user client's side (IOStreamUserClient's methods and traps):
 * {@code stream-open}, {@code stream-start}, {@code stream-stop}, {@code stream-suspend}, {@code stream-close}
 * (name, client), {@code stream-dequeue-output} (name, client), {@code stream-enqueue-input} (name, client, buffer,
 * sync). A bad argument is journalled as {@code scenario.error} and the run goes on.
 */
final class StreamActions {
    private final IOStreams streams;

    StreamActions(IOStreams streams) {
        this.streams = streams;
    }

    void perform(Scenario.Action a) {
        ScenarioAction op = a.op();
        String name = name(op);
        if (name == null || name.isBlank()) {
            streams.error(a.type(), "no name");
            return;
        }
        if (op instanceof StreamCreate c) {
            Optional<IOStreamMode> mode = IOStreamMode.parse(c.mode() == null ? "output" : c.mode());
            Optional<Integer> buffers = number(a, c.buffers(), "buffers", "4", 1, 4096);
            Optional<Integer> queue = number(a, c.queueLength(), "queueLength", "0", 0, 4096);
            if (mode.isEmpty()) {
                streams.error(a.type(), "mode is input, output or inout, not " + c.mode());
            } else if (buffers.isPresent() && queue.isPresent()) {
                streams.create(name, c.path(), buffers.get(), mode.get(), queue.get());
            }
        } else if (op instanceof StreamOpen o) {
            streams.open(name, client(o.client()));
        } else if (op instanceof StreamClose c) {
            streams.close(name, client(c.client()));
        } else if (op instanceof StreamStart s) {
            streams.control(name, client(s.client()), "startStream");
        } else if (op instanceof StreamStop s) {
            streams.control(name, client(s.client()), "stopStream");
        } else if (op instanceof StreamSuspend s) {
            streams.control(name, client(s.client()), "suspendStream");
        } else if (op instanceof StreamEnqueueOutput e) {
            number(a, e.buffer(), "buffer", null, 0, Integer.MAX_VALUE).ifPresent(b -> number(a, e.length(), "length",
                    "0", 0, Integer.MAX_VALUE).ifPresent(n -> streams.enqueueOutput(name, b, n)));
        } else if (op instanceof StreamDequeueOutput d) {
            streams.dequeueOutput(name, client(d.client()));
        } else if (op instanceof StreamEnqueueInput e) {
            number(a, e.buffer(), "buffer", null, 0, Integer.MAX_VALUE).ifPresent(b -> streams.enqueueInput(name,
                    client(e.client()), b, e.sync() != null && Boolean.parseBoolean(e.sync().text())));
        } else if (op instanceof StreamDequeueInput) {
            streams.dequeueInput(name);
        } else {
            streams.error(a.type(), "unknown action");
        }
    }

    /** The stream every one of these actions names. */
    private static String name(ScenarioAction op) {
        if (op instanceof StreamCreate c) {
            return c.name();
        } else if (op instanceof StreamOpen o) {
            return o.name();
        } else if (op instanceof StreamClose c) {
            return c.name();
        } else if (op instanceof StreamStart s) {
            return s.name();
        } else if (op instanceof StreamStop s) {
            return s.name();
        } else if (op instanceof StreamSuspend s) {
            return s.name();
        } else if (op instanceof StreamEnqueueOutput e) {
            return e.name();
        } else if (op instanceof StreamDequeueOutput d) {
            return d.name();
        } else if (op instanceof StreamEnqueueInput e) {
            return e.name();
        } else if (op instanceof StreamDequeueInput d) {
            return d.name();
        }
        return null;
    }

    private static String client(String client) {
        return client == null ? "user" : client;
    }

    private Optional<Integer> number(Scenario.Action a, JsonValue value, String field, String absent, int min,
                                     int max) {
        String v = value == null ? absent : value.text();
        if (v != null && v.matches("\\d{1,9}") && Integer.parseInt(v) >= min && Integer.parseInt(v) <= max) {
            return Optional.of(Integer.parseInt(v));
        }
        streams.error(a.type(), field + " is a whole number from " + min + " to " + max + ", not " + v);
        return Optional.empty();
    }
}
