package dev.ioscope.engine.userclient;

import java.util.List;

/**
 * A read-only copy of one connection a simulation opened with the scenario {@code open} action, for a console that
 * shows it on another thread: its handle name, the service opened, the user-client class and {@code IOServiceOpen}
 * type, whether it was closed (the handle stays after {@code IOServiceClose}), how many calls reached the client,
 * the method table the client dispatches over (immutable, shared with the session), and the memory the scenario
 * mapped with the {@code map} action, as the caller sees it now.
 */
public record UserClientConnection(String name, String service, String userClientClass, int type, boolean closed,
        long calls, MethodTableJson.MethodTable table, List<Mapping> mappings) {
    public UserClientConnection {
        mappings = List.copyOf(mappings);
    }

    /**
     * One mapping ({@code IOConnectMapMemory64}) at the moment of the copy.
     *
     * @param size  the mapping's length in bytes
     * @param hex   its first {@link #MAX_BYTES} bytes, hex
     * @param queue the data queue drawn from it (head, tail, live entries) when the client lays this memory type out
     *              as an {@link IOSharedDataQueue}; null otherwise
     */
    public record Mapping(int memoryType, int size, String hex, IODataQueueView.State queue) {
        public static final int MAX_BYTES = 4096;
    }
}
