package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;
import static dev.ioscope.engine.userclient.IOExternalMethodDispatch.kIOUCVariableStructureSize;

import java.util.ArrayList;
import java.util.List;

/** A small emulated driver client used by the conformance tests; each selector exercises one shape of row. */
final class DemoUserClient extends IOUserClient {
    static final int V = kIOUCVariableStructureSize;
    static final List<IOExternalMethodDispatch> TABLE = List.of(
            // 0 add: 2 scalars in, 1 out
            IOExternalMethodDispatch.of((t, r, a) -> {
                a.scalarOutput[0] = a.scalarInput[0] + a.scalarInput[1];
                return kIOReturnSuccess;
            }, 2, 0, 1, 0),
            // 1 echo: variable struct in and out; reports the size it wrote
            IOExternalMethodDispatch.of((t, r, a) -> {
                int n = Math.min(a.structureInputSize, a.structureOutput.length);
                System.arraycopy(a.structureInput, 0, a.structureOutput, 0, n);
                a.structureOutputSize = n;
                return kIOReturnSuccess;
            }, 0, V, 0, V),
            // 2 fixed: 16 bytes in, 8 bytes out
            IOExternalMethodDispatch.of((t, r, a) -> kIOReturnSuccess, 0, 16, 0, 8),
            // 3 async: completes after scalarInput[0] ns with result args {42, delay}
            new IOExternalMethodDispatch((t, r, a) -> ((DemoUserClient) t).startAsync(a), 1, 0, 0, 0, true, null),
            // 4 entitled poke
            new IOExternalMethodDispatch((t, r, a) -> kIOReturnSuccess, 0, 0, 0, 0, false, "com.example.poke"),
            // 5 no function: the subclass would dispatch itself
            IOExternalMethodDispatch.of(null, 0, 0, 0, 0),
            // 6 reverse: variable scalars in and out
            IOExternalMethodDispatch.of((t, r, a) -> {
                int n = Math.min(a.scalarInputCount, a.scalarOutput.length);
                for (int i = 0; i < n; i++) {
                    a.scalarOutput[i] = a.scalarInput[a.scalarInputCount - 1 - i];
                }
                a.scalarOutputCount = n;
                return kIOReturnSuccess;
            }, V, 0, V, 0),
            // 7 large: exactly 5000 bytes in (travels as a descriptor), large output through a descriptor
            IOExternalMethodDispatch.of((t, r, a) -> {
                byte[] in = new byte[5000];
                a.structureInputDescriptor.readBytes(0, in, in.length);
                byte[] out = new byte[6000];
                for (int i = 0; i < out.length; i++) {
                    out[i] = in[i % in.length];
                }
                a.structureOutputDescriptor.writeBytes(0, out, out.length);
                a.structureOutputDescriptorSize = 6000;
                return kIOReturnSuccess;
            }, 0, 5000, 0, V));

    final List<String> events = new ArrayList<>();
    final IOMemoryDescriptor shared = IOMemoryDescriptor.withCapacity(4096);
    final IOSharedDataQueue queue = IOSharedDataQueue.withCapacity(64);

    DemoUserClient(int type) {
        super(type, TABLE);
    }

    private int startAsync(IOExternalMethodArguments a) {
        AsyncReference ref = a.asyncWakePort;
        long delay = a.scalarInput[0];
        if (ref == null) {
            return kIOReturnSuccess;
        }
        time().after(delay, "demo work done", () -> sendAsyncResult64(ref, kIOReturnSuccess, 42, delay));
        return kIOReturnSuccess;
    }

    @Override
    public int clientClose() {
        events.add("clientClose");
        return kIOReturnSuccess;
    }

    @Override
    public int clientDied() {
        events.add("clientDied");
        return super.clientDied();
    }

    @Override
    public ClientMemory clientMemoryForType(int memoryType) {
        return switch (memoryType) {
            case 0 -> new ClientMemory(kIOReturnSuccess, shared);
            case 1 -> new ClientMemory(kIOReturnSuccess, queue.getMemoryDescriptor());
            default -> super.clientMemoryForType(memoryType);
        };
    }

    @Override
    public int registerNotificationPort(NotificationPort port, int portType, long refCon) {
        queue.setNotificationPort(port);
        return kIOReturnSuccess;
    }
}
