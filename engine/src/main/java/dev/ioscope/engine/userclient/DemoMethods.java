package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnBadArgument;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnOverrun;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnUnsupported;

import java.util.Arrays;
import java.util.Map;

/**
 * The emulated functions behind the rows of docs/examples/demo-userclient.methods.json, found by method name, so a
 * method table given as data becomes a working {@link TableUserClient}. A row whose name is not here has no
 * function and answers kIOReturnNoCompletion (rule UC6), as a 2022 row without a function does in XNU.
 * {@code enqueue} and {@code fill} work on the demo's memory ({@link DemoTableUserClient}); on another client they
 * answer kIOReturnUnsupported.
 */
public final class DemoMethods {
    /** The demo table shipped with the engine (a copy of docs/examples/demo-userclient.methods.json). */
    public static final String DEMO_TABLE_RESOURCE = "demo-userclient.methods.json";

    private DemoMethods() {
    }

    /** Functions by method name. */
    public static final Map<String, IOExternalMethodAction> FUNCTIONS = Map.ofEntries(
            Map.entry("add", (t, r, a) -> {
                a.scalarOutput[0] = a.scalarInput[0] + a.scalarInput[1];
                return kIOReturnSuccess;
            }),
            Map.entry("echo", (t, r, a) -> {
                int n = Math.min(a.structureInputSize, a.structureOutput.length);
                System.arraycopy(a.structureInput, 0, a.structureOutput, 0, n);
                a.structureOutputSize = n;
                return kIOReturnSuccess;
            }),
            Map.entry("fixed", (t, r, a) -> kIOReturnSuccess),
            Map.entry("delayedAnswer", (t, r, a) -> delayedAnswer((IOUserClient) t, a)),
            Map.entry("poke", (t, r, a) -> kIOReturnSuccess),
            Map.entry("reverse", (t, r, a) -> {
                int n = Math.min(a.scalarInputCount, a.scalarOutput.length);
                for (int i = 0; i < n; i++) {
                    a.scalarOutput[i] = a.scalarInput[a.scalarInputCount - 1 - i];
                }
                a.scalarOutputCount = n;
                return kIOReturnSuccess;
            }),
            Map.entry("large", (t, r, a) -> {
                int len = (int) a.structureInputDescriptor.getLength();
                byte[] in = new byte[len];
                a.structureInputDescriptor.readBytes(0, in, len);
                int outLen = (int) Math.min(6000, a.structureOutputDescriptor == null ? 0
                        : a.structureOutputDescriptor.getLength());
                byte[] out = new byte[outLen];
                for (int i = 0; i < outLen && len > 0; i++) {
                    out[i] = in[i % len];
                }
                if (a.structureOutputDescriptor != null) {
                    a.structureOutputDescriptor.writeBytes(0, out, outLen);
                }
                a.structureOutputDescriptorSize = outLen;
                return kIOReturnSuccess;
            }),
            Map.entry("enqueue", (t, r, a) -> enqueue(t, a)),
            Map.entry("fill", (t, r, a) -> fill(t, a)));

    /** The structure input as one data-queue entry; a full queue answers kIOReturnOverrun (as IODataQueueEnqueue). */
    private static int enqueue(Object target, IOExternalMethodArguments a) {
        if (!(target instanceof DemoTableUserClient d)) {
            return kIOReturnUnsupported;
        }
        return d.queue().enqueue(a.structureInput, a.structureInputSize) ? kIOReturnSuccess : kIOReturnOverrun;
    }

    /** Scalars offset, byte, count: writes count copies of byte into the shared buffer; outside it: bad argument. */
    private static int fill(Object target, IOExternalMethodArguments a) {
        if (!(target instanceof DemoTableUserClient d)) {
            return kIOReturnUnsupported;
        }
        long offset = a.scalarInput[0];
        long count = a.scalarInput[2];
        if (offset < 0 || count < 0 || offset + count > d.shared().getLength()) {
            return kIOReturnBadArgument;
        }
        byte[] bytes = new byte[(int) count];
        Arrays.fill(bytes, (byte) a.scalarInput[1]);
        d.shared().writeBytes((int) offset, bytes, bytes.length);
        return kIOReturnSuccess;
    }

    /** Async: the driver's work ends scalar 0 ns later and completes with arguments {42, delay} (rule UC10). */
    private static int delayedAnswer(IOUserClient client, IOExternalMethodArguments a) {
        AsyncReference ref = a.asyncWakePort;
        long delay = a.scalarInput[0];
        if (ref == null) {
            return kIOReturnSuccess;
        }
        client.time().after(Math.max(0, delay), "demo work done",
                () -> client.sendAsyncResult64(ref, kIOReturnSuccess, 42, delay));
        return kIOReturnSuccess;
    }
}
