package dev.ioscope.engine.userclient;

/**
 * A read-only copy of one connection a simulation opened with the scenario {@code open} action, for a console that
 * shows it on another thread: its handle name, the service opened, the user-client class and {@code IOServiceOpen}
 * type, whether it was closed (the handle stays after {@code IOServiceClose}), how many calls reached the client,
 * and the method table the client dispatches over (immutable, shared with the session).
 */
public record UserClientConnection(String name, String service, String userClientClass, int type, boolean closed,
        long calls, MethodTableJson.MethodTable table) {
}
