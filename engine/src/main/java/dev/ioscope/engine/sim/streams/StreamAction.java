package dev.ioscope.engine.sim.streams;

import static dev.ioscope.engine.sim.ActionField.json;
import static dev.ioscope.engine.sim.ActionField.text;

import dev.ioscope.engine.sim.ActionType;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.ScenarioAction;

import java.util.List;

/**
 * The IOStream model's scenario actions (docs/scenarios.md, "Streams"), one record each, performed by
 * {@link StreamActions}. A field a file leaves out is null.
 */
public sealed interface StreamAction extends ScenarioAction {
    /** Every one of these actions. */
    List<ActionType<?>> TYPES = List.of(StreamCreate.TYPE, StreamOpen.TYPE, StreamClose.TYPE, StreamStart.TYPE,
            StreamStop.TYPE, StreamSuspend.TYPE, StreamEnqueueOutput.TYPE, StreamDequeueOutput.TYPE,
            StreamEnqueueInput.TYPE, StreamDequeueInput.TYPE);

    /** IOStream::withBuffers. */
    record StreamCreate(String name, String path, JsonValue buffers, String mode, JsonValue queueLength)
            implements StreamAction {
        public static final ActionType<StreamCreate> TYPE = ActionType.of("stream-create", StreamCreate.class,
                text("name"), text("path"), json("buffers"), text("mode"), json("queueLength"));

        public ActionType<StreamCreate> actionType() {
            return TYPE;
        }
    }

    /** kIOStreamMethodOpen. */
    record StreamOpen(String name, String client) implements StreamAction {
        public static final ActionType<StreamOpen> TYPE = ActionType.of("stream-open", StreamOpen.class, text("name"),
                text("client"));

        public ActionType<StreamOpen> actionType() {
            return TYPE;
        }
    }

    /** kIOStreamMethodClose. */
    record StreamClose(String name, String client) implements StreamAction {
        public static final ActionType<StreamClose> TYPE = ActionType.of("stream-close", StreamClose.class,
                text("name"), text("client"));

        public ActionType<StreamClose> actionType() {
            return TYPE;
        }
    }

    /** kIOStreamMethodStart. */
    record StreamStart(String name, String client) implements StreamAction {
        public static final ActionType<StreamStart> TYPE = ActionType.of("stream-start", StreamStart.class,
                text("name"), text("client"));

        public ActionType<StreamStart> actionType() {
            return TYPE;
        }
    }

    /** kIOStreamMethodStop. */
    record StreamStop(String name, String client) implements StreamAction {
        public static final ActionType<StreamStop> TYPE = ActionType.of("stream-stop", StreamStop.class, text("name"),
                text("client"));

        public ActionType<StreamStop> actionType() {
            return TYPE;
        }
    }

    /** kIOStreamMethodSuspend. */
    record StreamSuspend(String name, String client) implements StreamAction {
        public static final ActionType<StreamSuspend> TYPE = ActionType.of("stream-suspend", StreamSuspend.class,
                text("name"), text("client"));

        public ActionType<StreamSuspend> actionType() {
            return TYPE;
        }
    }

    /** The driver: enqueueOutputBuffer + sendOutputNotification. */
    record StreamEnqueueOutput(String name, JsonValue buffer, JsonValue length) implements StreamAction {
        public static final ActionType<StreamEnqueueOutput> TYPE = ActionType.of(
                "stream-enqueue-output", StreamEnqueueOutput.class,
                text("name"), json("buffer"), json("length"));

        public ActionType<StreamEnqueueOutput> actionType() {
            return TYPE;
        }
    }

    /** The client reads the next output entry. */
    record StreamDequeueOutput(String name, String client) implements StreamAction {
        public static final ActionType<StreamDequeueOutput> TYPE = ActionType.of(
                "stream-dequeue-output", StreamDequeueOutput.class,
                text("name"), text("client"));

        public ActionType<StreamDequeueOutput> actionType() {
            return TYPE;
        }
    }

    /** The client returns a buffer: kIOStreamEnqueueInput(Sync)Trap. */
    record StreamEnqueueInput(String name, String client, JsonValue buffer, JsonValue sync) implements StreamAction {
        public static final ActionType<StreamEnqueueInput> TYPE = ActionType.of(
                "stream-enqueue-input", StreamEnqueueInput.class,
                text("name"), text("client"), json("buffer"), json("sync"));

        public ActionType<StreamEnqueueInput> actionType() {
            return TYPE;
        }
    }

    /** The driver: dequeueInputEntry. */
    record StreamDequeueInput(String name) implements StreamAction {
        public static final ActionType<StreamDequeueInput> TYPE = ActionType.of(
                "stream-dequeue-input", StreamDequeueInput.class,
                text("name"));

        public ActionType<StreamDequeueInput> actionType() {
            return TYPE;
        }
    }
}
