package dev.ioscope.engine.iokit;

import java.util.Locale;
import java.util.Optional;

/**
 * The service messages of xnu {@code iokit/IOKit/IOMessage.h} that IOService itself sends to its clients and
 * general-interest notifiers ({@code iokit_common_msg(n)} = 0xe0000000 | n).
 */
public enum IOMessage {
    kIOMessageServiceIsTerminated(0x010),
    kIOMessageServiceIsSuspended(0x020),
    kIOMessageServiceIsResumed(0x030),
    kIOMessageServiceIsRequestingClose(0x100),
    kIOMessageServiceIsAttemptingOpen(0x101),
    kIOMessageServiceWasClosed(0x110),
    kIOMessageServiceBusyStateChange(0x120),
    kIOMessageServicePropertyChange(0x130);

    private final int code;

    IOMessage(int low) {
        this.code = 0xe0000000 | low;
    }

    /** The 32-bit message type. */
    public int code() {
        return code;
    }

    /** {@code 0xe0000010}. */
    public String hex() {
        return String.format(Locale.ROOT, "0x%08x", code);
    }

    /** By its header name ({@code kIOMessageServiceIsSuspended}) or its value ({@code 0xe0000020}). */
    public static Optional<IOMessage> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (IOMessage m : values()) {
            if (m.name().equals(s) || m.hex().equalsIgnoreCase(s)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
