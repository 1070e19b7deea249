package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.sim.ActionField.json;
import static dev.ioscope.engine.sim.ActionField.text;

import dev.ioscope.engine.sim.ActionType;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.ScenarioAction;

import java.util.List;

/**
 * The user-client scenario actions (docs/scenarios.md, "User clients"), one record each, performed by
 * {@link UserClientSession}. A field a file leaves out is null.
 */
public sealed interface UserClientAction extends ScenarioAction {
    /** Every one of these actions. */
    List<ActionType<?>> TYPES = List.of(ProvideUserClient.TYPE, Open.TYPE, Call.TYPE, Close.TYPE, Map.TYPE,
            Dequeue.TYPE);

    /** A user-client class known from now on, and the entry's IOUserClientClass. */
    record ProvideUserClient(String path, String table, String className) implements UserClientAction {
        public static final ActionType<ProvideUserClient> TYPE = ActionType.of(
                "provide-user-client", ProvideUserClient.class,
                text("path"), text("table"), text("class"));

        public ActionType<ProvideUserClient> actionType() {
            return TYPE;
        }
    }

    /** IOServiceOpen → newUserClient(type); {@code as} names the connection. */
    record Open(String path, JsonValue type, String as) implements UserClientAction {
        public static final ActionType<Open> TYPE = ActionType.of("open", Open.class, text("path"), json("type"),
                text("as"));

        public ActionType<Open> actionType() {
            return TYPE;
        }
    }

    /** IOConnectCallMethod / IOConnectCallAsyncMethod: a console {@code line}, or the same spelt out. */
    record Call(String connection, String line, JsonValue selector, JsonValue scalars, String struct, JsonValue out,
            JsonValue outStruct, JsonValue async, JsonValue refcon)
            implements UserClientAction {
        public static final ActionType<Call> TYPE = ActionType.of("call", Call.class, text("connection"), text("line"),
                json("selector"), json("scalars"), text("struct"), json("out"), json("outStruct"), json("async"),
                json("refcon"));

        public ActionType<Call> actionType() {
            return TYPE;
        }
    }

    /** IOServiceClose. */
    record Close(String connection) implements UserClientAction {
        public static final ActionType<Close> TYPE = ActionType.of("close", Close.class, text("connection"));

        public ActionType<Close> actionType() {
            return TYPE;
        }
    }

    /** IOConnectMapMemory64 with the caller's map options (kIOMapAnywhere when none). */
    record Map(String connection, JsonValue memoryType, String options) implements UserClientAction {
        public static final ActionType<Map> TYPE = ActionType.of("map", Map.class, text("connection"),
                json("memoryType"), text("options"));

        public ActionType<Map> actionType() {
            return TYPE;
        }
    }

    /** IODataQueueDequeue on a mapped data queue. */
    record Dequeue(String connection, JsonValue memoryType) implements UserClientAction {
        public static final ActionType<Dequeue> TYPE = ActionType.of("dequeue", Dequeue.class, text("connection"),
                json("memoryType"));

        public ActionType<Dequeue> actionType() {
            return TYPE;
        }
    }
}
