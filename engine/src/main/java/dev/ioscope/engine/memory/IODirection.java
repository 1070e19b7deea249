package dev.ioscope.engine.memory;

/**
 * IODirection (IOMemoryDescriptor.h): kIODirectionNone = 0 (prepare and complete: the descriptor's own direction),
 * kIODirectionIn = 1 (device to memory), kIODirectionOut = 2, kIODirectionOutIn = 3.
 */
public enum IODirection {
    NONE(0), IN(1), OUT(2), OUT_IN(3);

    public final int bits;

    IODirection(int bits) {
        this.bits = bits;
    }

    /** Whether a copy buffer must be filled from memory before the transfer (out) or copied back after it (in). */
    boolean copies(boolean toDevice) {
        return (bits & (toDevice ? OUT.bits : IN.bits)) != 0;
    }

    /** The direction with these kIODirection bits (the low two). */
    public static IODirection of(int bits) {
        return values()[bits & OUT_IN.bits];
    }
}
