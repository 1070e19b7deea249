package dev.ioscope.engine.userclient;

/**
 * The {@code OSAction} a dext's ExternalMethod receives as its {@code completion} ({@code OSAction.iig}): for a
 * user client's async call, {@code IOUserUserClient::externalMethod} (IOUserServer.cpp) creates one
 * {@code OSAction_IOUserClient_KernelCompletion} per call, holding the caller's async reference, and
 * {@link #asyncCompletion} delivers through {@code IOUserClient::KernelCompletion_Impl}, which is
 * {@code sendAsyncResult64} with that reference (DK17). A completion after the connection closed reaches a dead
 * port (MACH_SEND_INVALID_DEST), as for a kext client.
 */
public final class OSAction {
    /** The class XNU names the action of a user client's async call. */
    public static final String KERNEL_COMPLETION = "OSAction_IOUserClient_KernelCompletion";

    private final IOUserClient client;
    private final AsyncReference reference;
    private int completions;

    OSAction(IOUserClient client, AsyncReference reference) {
        this.client = client;
        this.reference = reference;
    }

    /** The async reference the action holds ({@code GetReference}). */
    public AsyncReference reference() {
        return reference;
    }

    /** How many times the dext completed through this action. */
    public int completions() {
        return completions;
    }

    /** {@code IOUserClient::AsyncCompletion(action, status, asyncData)}: the kernel completion sends the result. */
    public int asyncCompletion(int status, long... asyncData) {
        completions++;
        return client.sendAsyncResult64(reference, status, asyncData);
    }
}
