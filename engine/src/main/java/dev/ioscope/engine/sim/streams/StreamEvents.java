package dev.ioscope.engine.sim.streams;

import dev.ioscope.engine.sim.EventKind;

/** The journal event kinds of the IOStream model, in one place (docs/scenarios.md, "Streams"). */
public enum StreamEvents implements EventKind {
    /** IOStream::withBuffers: {@code stream}, {@code buffers}, {@code mode}, {@code queueLength}. */
    CREATE("stream.create"),
    /** handleOpen: {@code stream}, {@code client}; the queues exist from now on. */
    OPEN("stream.open"),
    /** handleClose: {@code stream}, {@code client}; the queues go. */
    CLOSE("stream.close"),
    /** startStream / stopStream / suspendStream: {@code stream}, {@code call}. */
    CONTROL("stream.control"),
    /** A queue entry written: {@code stream}, {@code queue}, {@code buffer}, {@code dataLength}, head/tail after. */
    ENQUEUE("stream.enqueue"),
    /** A queue entry read: {@code stream}, {@code queue}, {@code buffer}, head/tail after. */
    DEQUEUE("stream.dequeue"),
    /** sendOutputNotification or the input trap's callback: {@code stream}, {@code to}, {@code call}. */
    NOTIFY("stream.notify"),
    /** A call refused: {@code stream}, {@code call}, {@code result} (IOReturn), {@code reason}. */
    REFUSED("stream.refused");

    private final String id;

    StreamEvents(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
