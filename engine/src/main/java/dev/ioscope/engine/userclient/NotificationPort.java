package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.MACH_SEND_TIMED_OUT;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;

/**
 * A receive right with a one-message queue, as {@code IODataQueueAllocateNotificationPort} makes it
 * ({@code mpl_qlimit = 1}): a second data-available message while one is pending times out (MACH_SEND_TIMED_OUT),
 * which IODataQueueClient.c treats as "already notified".
 */
public final class NotificationPort {
    private final String name;
    private boolean pending;
    private long sent;
    private long dropped;

    public NotificationPort(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Sends a message with a zero timeout; kIOReturnSuccess or MACH_SEND_TIMED_OUT when the queue is full. */
    public int send() {
        if (pending) {
            dropped++;
            return MACH_SEND_TIMED_OUT;
        }
        pending = true;
        sent++;
        return kIOReturnSuccess;
    }

    /** {@code mach_msg(MACH_RCV_MSG)} without blocking: true when a message was waiting (and is now taken). */
    public boolean receive() {
        boolean was = pending;
        pending = false;
        return was;
    }

    public boolean hasMessage() {
        return pending;
    }

    public long sent() {
        return sent;
    }

    public long dropped() {
        return dropped;
    }
}
