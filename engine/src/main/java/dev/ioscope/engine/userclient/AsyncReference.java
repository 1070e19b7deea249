package dev.ioscope.engine.userclient;

/**
 * What an async call leaves with the driver: the client's wake port and its {@code OSAsyncReference64}. The driver
 * completes it later with {@link IOUserClient#sendAsyncResult64}; the result reaches {@link #callback} on the
 * client's side through the connection's {@link VirtualTimeSink}, never synchronously.
 */
public record AsyncReference(long id, AsyncCallback callback, long refcon) {
    /** The client's completion, like {@code IOAsyncCallback}: result code and the driver's 64-bit arguments. */
    @FunctionalInterface
    public interface AsyncCallback {
        void completed(long refcon, int result, long[] args, long virtualTimeNs);
    }
}
