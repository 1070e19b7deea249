package dev.ioscope.engine.sim.streams;

import dev.ioscope.engine.sim.Scenario;

import java.util.List;
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
    static final List<String> ACTIONS = List.of("stream-create", "stream-open", "stream-close", "stream-start",
            "stream-stop", "stream-suspend", "stream-enqueue-output", "stream-dequeue-output",
            "stream-enqueue-input", "stream-dequeue-input");

    private final IOStreams streams;

    StreamActions(IOStreams streams) {
        this.streams = streams;
    }

    void perform(Scenario.Action a) {
        String name = a.arg("name");
        if (name == null || name.isBlank()) {
            streams.error(a.type(), "no name");
            return;
        }
        switch (a.type()) {
            case "stream-create" -> {
                Optional<IOStreamMode> mode = IOStreamMode.parse(a.arg("mode") == null ? "output" : a.arg("mode"));
                Optional<Integer> buffers = number(a, "buffers", "4", 1, 4096);
                Optional<Integer> queue = number(a, "queueLength", "0", 0, 4096);
                if (mode.isEmpty()) {
                    streams.error(a.type(), "mode is input, output or inout, not " + a.arg("mode"));
                } else if (buffers.isPresent() && queue.isPresent()) {
                    streams.create(name, a.arg("path"), buffers.get(), mode.get(), queue.get());
                }
            }
            case "stream-open" -> streams.open(name, client(a));
            case "stream-close" -> streams.close(name, client(a));
            case "stream-start" -> streams.control(name, client(a), "startStream");
            case "stream-stop" -> streams.control(name, client(a), "stopStream");
            case "stream-suspend" -> streams.control(name, client(a), "suspendStream");
            case "stream-enqueue-output" -> number(a, "buffer", null, 0, Integer.MAX_VALUE).ifPresent(b ->
                    number(a, "length", "0", 0, Integer.MAX_VALUE).ifPresent(n -> streams.enqueueOutput(name, b, n)));
            case "stream-dequeue-output" -> streams.dequeueOutput(name, client(a));
            case "stream-enqueue-input" -> number(a, "buffer", null, 0, Integer.MAX_VALUE).ifPresent(b ->
                    streams.enqueueInput(name, client(a), b, Boolean.parseBoolean(a.arg("sync"))));
            case "stream-dequeue-input" -> streams.dequeueInput(name);
            default -> streams.error(a.type(), "unknown action");
        }
    }

    private static String client(Scenario.Action a) {
        return a.arg("client") == null ? "user" : a.arg("client");
    }

    private Optional<Integer> number(Scenario.Action a, String field, String absent, int min, int max) {
        String v = a.arg(field) == null ? absent : a.arg(field);
        if (v != null && v.matches("\\d{1,9}") && Integer.parseInt(v) >= min && Integer.parseInt(v) <= max) {
            return Optional.of(Integer.parseInt(v));
        }
        streams.error(a.type(), field + " is a whole number from " + min + " to " + max + ", not " + v);
        return Optional.empty();
    }
}
