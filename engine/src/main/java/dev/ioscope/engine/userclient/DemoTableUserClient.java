package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;

import java.util.Map;

/**
 * A table user client with the demo's memory (docs/scenarios.md "User clients"): {@code clientMemoryForType(0)} is
 * a {@value #SHARED_SIZE}-byte shared buffer the demo's {@code fill} writes, {@code clientMemoryForType(1)} an
 * {@link IOSharedDataQueue} of {@value #QUEUE_SIZE} bytes the demo's {@code enqueue} fills, and
 * {@code registerNotificationPort} points the queue's data-available messages at the caller's port, as an
 * IOHIDFamily-style client does. Other memory types answer kIOReturnUnsupported (the base class's answer).
 */
public final class DemoTableUserClient extends TableUserClient {
    public static final int SHARED_SIZE = 64;
    public static final int QUEUE_SIZE = 64;
    public static final int SHARED_MEMORY = 0;
    public static final int DATA_QUEUE = 1;

    private final IOMemoryDescriptor shared = IOMemoryDescriptor.withCapacity(SHARED_SIZE);
    private final IOSharedDataQueue queue = IOSharedDataQueue.withCapacity(QUEUE_SIZE);

    public DemoTableUserClient(int type, MethodTableJson.MethodTable table,
            Map<String, IOExternalMethodAction> functions) {
        super(type, table, functions);
    }

    public IOMemoryDescriptor shared() {
        return shared;
    }

    public IOSharedDataQueue queue() {
        return queue;
    }

    /** Whether memory of this type is laid out as a data queue (for drawing it). */
    public boolean isDataQueue(int memoryType) {
        return memoryType == DATA_QUEUE;
    }

    @Override
    public ClientMemory clientMemoryForType(int memoryType) {
        return switch (memoryType) {
            case SHARED_MEMORY -> new ClientMemory(kIOReturnSuccess, shared);
            case DATA_QUEUE -> new ClientMemory(kIOReturnSuccess, queue.getMemoryDescriptor());
            default -> super.clientMemoryForType(memoryType);
        };
    }

    @Override
    public int registerNotificationPort(NotificationPort port, int portType, long refCon) {
        queue.setNotificationPort(port);
        return kIOReturnSuccess;
    }
}
