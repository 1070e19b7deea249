package dev.ioscope.engine.sim.streams;

import dev.ioscope.engine.sim.ActionRuns;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.streams.IOStreams.Place;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The IOStream model, one rule each (docs/iokit-rules.md, "Streams"). */
class StreamRulesTest {
    @TempDir
    Path dir;

    Simulation run(String... actions) throws Exception {
        return ActionRuns.runUntilQuiet(dir, actions);
    }

    static final String CREATE = "{\"do\":\"stream-create\",\"name\":\"cam\",\"buffers\":\"3\"}";
    static final String OPEN = "{\"do\":\"stream-open\",\"name\":\"cam\",\"client\":\"app\"}";
    static final String START = "{\"do\":\"stream-start\",\"name\":\"cam\",\"client\":\"app\"}";

    static String out(int b) {
        return "{\"do\":\"stream-enqueue-output\",\"name\":\"cam\",\"buffer\":\"" + b + "\",\"length\":\"4096\"}";
    }

    static final String READ = "{\"do\":\"stream-dequeue-output\",\"name\":\"cam\",\"client\":\"app\"}";

    static String back(int b) {
        return "{\"do\":\"stream-enqueue-input\",\"name\":\"cam\",\"client\":\"app\",\"buffer\":\"" + b + "\"}";
    }

    static final String TAKE = "{\"do\":\"stream-dequeue-input\",\"name\":\"cam\"}";

    static List<String> lines(Simulation sim) {
        return sim.journal().stream().filter(e -> e.kind() instanceof StreamEvents).map(StreamRulesTest::words)
                .toList();
    }

    static String words(JournalEvent e) {
        Map<String, String> d = e.details();
        StreamEvents kind = (StreamEvents) e.kind();
        return switch (kind) {
            case ENQUEUE, DEQUEUE -> kind.id() + " " + d.get("queue") + " " + d.get("buffer")
                    + " head=" + d.get("headIndex") + " tail=" + d.get("tailIndex");
            case REFUSED -> "refused " + d.get("call") + " " + d.get("result") + ": " + d.get("reason");
            case NOTIFY -> "notify " + d.get("to") + " " + d.get("call");
            default -> kind.id() + " " + d;
        };
    }

    @Test
    @DisplayName("ST1: buffers are numbered 0 to bufferCount - 1; a queue length of 0 holds them all")
    void buffersAndQueueLength() throws Exception {
        Simulation sim = run(CREATE, OPEN);
        assertThat(lines(sim)).containsExactly(
                "stream.create {stream=cam, buffers=3, mode=kIOStreamModeOutput, queueLength=3}",
                "stream.open {stream=cam, client=app, entryCount=4}");
        assertThat(sim.extension(IOStreams.class).places("cam")).containsExactly(Place.KERNEL, Place.KERNEL,
                Place.KERNEL);
    }

    @Test
    @DisplayName("ST2: one client at a time opens the stream; the queues exist only while it is open")
    void exclusiveOpen() throws Exception {
        Simulation sim = run(CREATE, out(0), OPEN, OPEN.replace("app", "other"),
                "{\"do\":\"stream-close\",\"name\":\"cam\",\"client\":\"other\"}",
                "{\"do\":\"stream-close\",\"name\":\"cam\",\"client\":\"app\"}", READ);
        assertThat(lines(sim)).containsExactly(
                "stream.create {stream=cam, buffers=3, mode=kIOStreamModeOutput, queueLength=3}",
                "refused enqueueOutputBuffer kIOReturnNotOpen (0xe00002cd): no queues: the stream is not open",
                "stream.open {stream=cam, client=app, entryCount=4}",
                "refused open kIOReturnExclusiveAccess (0xe00002c5): open by app",
                "refused close kIOReturnNotOpen (0xe00002cd): open by app, not other",
                "stream.close {stream=cam, client=app}",
                "refused dequeue output kIOReturnNotOpen (0xe00002cd): the stream is not open");
    }

    @Test
    @DisplayName("ST3: the writer fills headIndex, the reader reads tailIndex, both wrap; a full queue refuses")
    void ringIndices() throws Exception {
        String one = CREATE.replace("\"3\"", "\"4\"").replace("}", ",\"queueLength\":\"2\"}");
        Simulation sim = run(one, OPEN, START, out(0), out(1), out(2), READ, READ, READ, out(2), out(3), READ);
        assertThat(lines(sim)).filteredOn(l -> !l.startsWith("notify")).containsSubsequence(
                "stream.open {stream=cam, client=app, entryCount=3}",
                "stream.enqueue output 0 head=1 tail=0", "stream.enqueue output 1 head=2 tail=0",
                "refused enqueueOutputBuffer kIOReturnOverrun (0xe00002e8): the output queue is full",
                "stream.dequeue output 0 head=2 tail=1", "stream.dequeue output 1 head=2 tail=2",
                "refused dequeue output kIOReturnUnderrun (0xe00002e7): the output queue is empty",
                "stream.enqueue output 2 head=0 tail=2", "stream.enqueue output 3 head=1 tail=2",
                "stream.dequeue output 2 head=1 tail=0");
    }

    @Test
    @DisplayName("ST4: an output buffer goes kernel → output queue → user, and the user is notified")
    void outputCycle() throws Exception {
        Simulation sim = run(CREATE, OPEN, out(0), START, out(0), READ);
        assertThat(lines(sim)).containsSubsequence(
                "refused enqueueOutputBuffer kIOReturnNotReady (0xe00002d8): the stream is not started",
                "stream.control {stream=cam, call=startStream}", "stream.enqueue output 0 head=1 tail=0",
                "notify app sendOutputNotification", "stream.dequeue output 0 head=1 tail=1");
        assertThat(sim.extension(IOStreams.class).places("cam")).containsExactly(Place.USER, Place.KERNEL,
                Place.KERNEL);
    }

    @Test
    @DisplayName("ST5: the user gives a buffer back through the input queue and the trap calls inputCallback")
    void inputReturnsBuffers() throws Exception {
        Simulation sim = run(CREATE, OPEN, START, out(1), READ, back(1), TAKE, back(2), TAKE,
                back(0).replace("}", ",\"sync\":\"true\"}"));
        assertThat(lines(sim)).containsSubsequence("stream.dequeue output 1 head=1 tail=1",
                "stream.enqueue input 1 head=1 tail=0", "notify driver inputCallback",
                "stream.dequeue input 1 head=1 tail=1",
                "refused enqueue input kIOReturnNotPermitted (0xe00002e2): buffer 2 is in kernel, not user",
                "refused dequeueInputEntry kIOReturnUnderrun (0xe00002e7): the input queue is empty",
                "refused enqueue input kIOReturnNotPermitted (0xe00002e2): buffer 0 is in kernel, not user");
        assertThat(sim.extension(IOStreams.class).places("cam")).containsOnly(Place.KERNEL);
    }

    @Test
    @DisplayName("ST6: an input-only stream refuses output; a driver cannot enqueue a buffer the user holds")
    void modeAndOwnership() throws Exception {
        Simulation sim = run(CREATE.replace("}", ",\"mode\":\"input\"}"), OPEN, START, out(0),
                "{\"do\":\"stream-create\",\"name\":\"v\",\"buffers\":\"2\"}",
                "{\"do\":\"stream-open\",\"name\":\"v\"}", "{\"do\":\"stream-start\",\"name\":\"v\"}",
                "{\"do\":\"stream-enqueue-output\",\"name\":\"v\",\"buffer\":\"0\"}",
                "{\"do\":\"stream-dequeue-output\",\"name\":\"v\"}",
                "{\"do\":\"stream-enqueue-output\",\"name\":\"v\",\"buffer\":\"0\"}",
                "{\"do\":\"stream-enqueue-output\",\"name\":\"v\",\"buffer\":\"7\"}",
                "{\"do\":\"stream-create\",\"name\":\"v\",\"buffers\":\"0\"}");
        assertThat(lines(sim)).contains(
                "refused enqueueOutputBuffer kIOReturnNotPermitted (0xe00002e2): the stream's mode is "
                        + "kIOStreamModeInput",
                "refused enqueueOutputBuffer kIOReturnNotPermitted (0xe00002e2): buffer 0 is in user, not kernel",
                "refused enqueueOutputBuffer kIOReturnBadArgument (0xe00002c2): no buffer 7 (IDs 0 to 1)");
        assertThat(sim.journal()).filteredOn(e -> e.kind() == JournalKind.SCENARIO_ERROR).extracting(e -> e.details()
                .get("reason")).containsExactly("buffers is a whole number from 1 to 4096, not 0");
    }
}
