package dev.ioscope.engine.sim.streams;

import java.util.List;

/** The journal event kinds of the IOStream model, in one place (docs/scenarios.md, "Streams"). */
public final class StreamEvents {
    /** IOStream::withBuffers: {@code stream}, {@code buffers}, {@code mode}, {@code queueLength}. */
    public static final String CREATE = "stream.create";
    /** handleOpen: {@code stream}, {@code client}; the queues exist from now on. */
    public static final String OPEN = "stream.open";
    /** handleClose: {@code stream}, {@code client}; the queues go. */
    public static final String CLOSE = "stream.close";
    /** startStream / stopStream / suspendStream: {@code stream}, {@code call}. */
    public static final String CONTROL = "stream.control";
    /** A queue entry written: {@code stream}, {@code queue}, {@code buffer}, {@code dataLength}, head/tail after. */
    public static final String ENQUEUE = "stream.enqueue";
    /** A queue entry read: {@code stream}, {@code queue}, {@code buffer}, head/tail after. */
    public static final String DEQUEUE = "stream.dequeue";
    /** sendOutputNotification or the input trap's callback: {@code stream}, {@code to}, {@code call}. */
    public static final String NOTIFY = "stream.notify";
    /** A call refused: {@code stream}, {@code call}, {@code result} (IOReturn), {@code reason}. */
    public static final String REFUSED = "stream.refused";

    public static final List<String> ALL = List.of(CREATE, OPEN, CLOSE, CONTROL, ENQUEUE, DEQUEUE, NOTIFY, REFUSED);

    private StreamEvents() {
    }
}
