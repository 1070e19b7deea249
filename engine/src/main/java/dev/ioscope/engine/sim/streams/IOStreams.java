package dev.ioscope.engine.sim.streams;

import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.SimulationExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The IOStreams of one emulated machine (IOStreamFamily's IOStream, IOStreamBuffer, IOStreamUserClient; rules
 * ST1–ST6 in docs/iokit-rules.md): a driver's stream of numbered buffers, the output queue (kernel → user) and the
 * input queue (user → kernel) created when a client opens it, and each buffer's place as it cycles. Every call is
 * journalled; a refused one as {@code stream.refused} with its IOReturn.
 */
public final class IOStreams implements SimulationExtension.Instance {
    /** Where a buffer is: with the driver, in a queue, or with the user client. */
    public enum Place { KERNEL, OUTPUT_QUEUE, USER, INPUT_QUEUE }

    static final class Stream {
        final String name;
        final String owner;
        final Place[] buffers;
        final int queueLength;
        IOStreamMode mode;
        String client;
        boolean started;
        StreamQueue output;
        StreamQueue input;

        Stream(String name, String owner, int buffers, IOStreamMode mode, int queueLength) {
            this.name = name;
            this.owner = owner;
            this.buffers = new Place[buffers];
            Arrays.fill(this.buffers, Place.KERNEL);
            this.mode = mode;
            this.queueLength = queueLength == 0 ? buffers : queueLength;
        }
    }

    private final Simulation sim;
    private final Map<String, Stream> streams = new LinkedHashMap<>();

    IOStreams(Simulation sim) {
        this.sim = sim;
    }

    @Override
    public void perform(Scenario.Action a) {
        new StreamActions(this).perform(a);
    }

    /** IOStream::withBuffers: buffers 0 … count − 1 (ST1), all with the driver. */
    public void create(String name, String owner, int buffers, IOStreamMode mode, int queueLength) {
        if (streams.containsKey(name)) {
            error(StreamAction.StreamCreate.TYPE.id(), "a stream named " + name + " exists already");
            return;
        }
        Stream s = new Stream(name, owner == null ? "" : owner, buffers, mode, queueLength);
        streams.put(name, s);
        sim.record(StreamEvents.CREATE, s.owner, "stream", name, "buffers", String.valueOf(buffers),
                "mode", mode.name(), "queueLength", String.valueOf(s.queueLength));
    }

    /** kIOStreamMethodOpen → handleOpen: one client at a time; the shared queues are created now (ST2). */
    public int open(String name, String client) {
        Stream s = stream(name, StreamAction.StreamOpen.TYPE.id());
        if (s == null) {
            return IOReturn.kIOReturnBadArgument;
        }
        if (s.client != null) {
            return refuse(s, "open", IOReturn.kIOReturnExclusiveAccess, "open by " + s.client);
        }
        s.client = client;
        s.output = new StreamQueue(s.queueLength + 1);
        s.input = new StreamQueue(s.queueLength + 1);
        sim.record(StreamEvents.OPEN, s.owner, "stream", name, "client", client,
                "entryCount", String.valueOf(s.output.entryCount()));
        return IOReturn.kIOReturnSuccess;
    }

    /** kIOStreamMethodClose → handleClose: the queues go; buffers in them return to the driver. */
    public int close(String name, String client) {
        Stream s = openBy(name, client, "close");
        if (s == null) {
            return IOReturn.kIOReturnNotOpen;
        }
        for (int i = 0; i < s.buffers.length; i++) {
            s.buffers[i] = Place.KERNEL;
        }
        s.client = null;
        s.started = false;
        s.output = null;
        s.input = null;
        sim.record(StreamEvents.CLOSE, s.owner, "stream", name, "client", client);
        return IOReturn.kIOReturnSuccess;
    }

    /** kIOStreamMethodStart / Stop / Suspend: startStream, stopStream, suspendStream on an open stream (ST6). */
    public int control(String name, String client, String call) {
        Stream s = openBy(name, client, call);
        if (s == null) {
            return IOReturn.kIOReturnNotOpen;
        }
        s.started = call.equals("startStream");
        sim.record(StreamEvents.CONTROL, s.owner, "stream", name, "call", call);
        return IOReturn.kIOReturnSuccess;
    }

    /** The driver: enqueueOutputBuffer then sendOutputNotification (ST4). */
    public int enqueueOutput(String name, int buffer, long dataLength) {
        Stream s = flowing(name, "enqueueOutputBuffer", IOStreamMode.kIOStreamModeInput);
        if (s == null || !owns(s, buffer, Place.KERNEL, "enqueueOutputBuffer")) {
            return IOReturn.kIOReturnNotPermitted;
        }
        if (!s.output.offer(new StreamQueue.Entry(buffer, dataLength))) {
            return refuse(s, "enqueueOutputBuffer", IOReturn.kIOReturnOverrun, "the output queue is full");
        }
        s.buffers[buffer] = Place.OUTPUT_QUEUE;
        record(s, StreamEvents.ENQUEUE, "output", s.output, buffer, "dataLength", String.valueOf(dataLength));
        sim.record(StreamEvents.NOTIFY, s.owner, "stream", name, "to", s.client, "call", "sendOutputNotification");
        return IOReturn.kIOReturnSuccess;
    }

    /** The user client reads the next output entry: the buffer is the user's (ST4). */
    public int dequeueOutput(String name, String client) {
        Stream s = openBy(name, client, "dequeue output");
        if (s == null) {
            return IOReturn.kIOReturnNotOpen;
        }
        return s.output.poll().map(e -> {
            s.buffers[e.bufferID()] = Place.USER;
            record(s, StreamEvents.DEQUEUE, "output", s.output, e.bufferID(), "dataLength",
                    String.valueOf(e.dataLength()));
            return IOReturn.kIOReturnSuccess;
        }).orElseGet(() -> refuse(s, "dequeue output", IOReturn.kIOReturnUnderrun, "the output queue is empty"));
    }

    /** The user client gives a buffer back: input queue entry and kIOStreamEnqueueInput(Sync)Trap (ST5). */
    public int enqueueInput(String name, String client, int buffer, boolean sync) {
        Stream s = openBy(name, client, "enqueue input");
        if (s == null || !owns(s, buffer, Place.USER, "enqueue input")) {
            return IOReturn.kIOReturnNotPermitted;
        }
        if (!s.input.offer(new StreamQueue.Entry(buffer, 0))) {
            return refuse(s, "enqueue input", IOReturn.kIOReturnOverrun, "the input queue is full");
        }
        s.buffers[buffer] = Place.INPUT_QUEUE;
        record(s, StreamEvents.ENQUEUE, "input", s.input, buffer, "dataLength", "0");
        sim.record(StreamEvents.NOTIFY, s.owner, "stream", name, "to", "driver", "call",
                sync ? "inputSyncCallback" : "inputCallback");
        return IOReturn.kIOReturnSuccess;
    }

    /** The driver: dequeueInputEntry; the buffer is the driver's again (ST5). */
    public int dequeueInput(String name) {
        Stream s = stream(name, "dequeueInputEntry");
        if (s == null || s.input == null) {
            return s == null ? IOReturn.kIOReturnBadArgument
                    : refuse(s, "dequeueInputEntry", IOReturn.kIOReturnNotOpen, "no queues: the stream is not open");
        }
        return s.input.poll().map(e -> {
            s.buffers[e.bufferID()] = Place.KERNEL;
            record(s, StreamEvents.DEQUEUE, "input", s.input, e.bufferID());
            return IOReturn.kIOReturnSuccess;
        }).orElseGet(() -> refuse(s, "dequeueInputEntry", IOReturn.kIOReturnUnderrun, "the input queue is empty"));
    }

    /** Each buffer's place now (tests and views). */
    public List<Place> places(String name) {
        Stream s = streams.get(name);
        return s == null ? List.of() : List.of(s.buffers);
    }

    // ------------------------------------------------------------------------------------------- internals

    private Stream flowing(String name, String call, IOStreamMode wrong) {
        Stream s = stream(name, call);
        if (s == null) {
            return null;
        }
        if (s.output == null) {
            refuse(s, call, IOReturn.kIOReturnNotOpen, "no queues: the stream is not open");
            return null;
        }
        if (s.mode == wrong) {
            refuse(s, call, IOReturn.kIOReturnNotPermitted, "the stream's mode is " + s.mode.name());
            return null;
        }
        if (!s.started) {
            refuse(s, call, IOReturn.kIOReturnNotReady, "the stream is not started");
            return null;
        }
        return s;
    }

    private boolean owns(Stream s, int buffer, Place where, String call) {
        if (buffer < 0 || buffer >= s.buffers.length) {
            refuse(s, call, IOReturn.kIOReturnBadArgument, "no buffer " + buffer + " (IDs 0 to "
                    + (s.buffers.length - 1) + ")");
            return false;
        }
        if (s.buffers[buffer] != where) {
            refuse(s, call, IOReturn.kIOReturnNotPermitted, "buffer " + buffer + " is in "
                    + s.buffers[buffer].name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", not "
                    + where.name().toLowerCase(Locale.ROOT));
            return false;
        }
        return true;
    }

    private Stream openBy(String name, String client, String call) {
        Stream s = stream(name, call);
        if (s == null) {
            return null;
        }
        if (s.client == null || !s.client.equals(client)) {
            refuse(s, call, IOReturn.kIOReturnNotOpen, s.client == null ? "the stream is not open"
                    : "open by " + s.client + ", not " + client);
            return null;
        }
        return s;
    }

    private void record(Stream s, StreamEvents kind, String queue, StreamQueue q, int buffer, String... more) {
        List<String> kv = new ArrayList<>(List.of("stream", s.name, "queue", queue, "buffer",
                String.valueOf(buffer)));
        kv.addAll(List.of(more));
        kv.addAll(List.of("headIndex", String.valueOf(q.head()), "tailIndex", String.valueOf(q.tail())));
        sim.record(kind, s.owner, kv.toArray(String[]::new));
    }

    private int refuse(Stream s, String call, int result, String reason) {
        sim.record(StreamEvents.REFUSED, s.owner, "stream", s.name, "call", call, "result", IOReturn.format(result),
                "reason", reason);
        return result;
    }

    private Stream stream(String name, String action) {
        Stream s = streams.get(name);
        if (s == null) {
            error(action, "no stream named " + name + " (stream-create it first)");
        }
        return s;
    }

    void error(String action, String reason) {
        sim.record(JournalKind.SCENARIO_ERROR, "", "action", action, "reason", reason);
    }
}
