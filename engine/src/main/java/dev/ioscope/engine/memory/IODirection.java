package dev.ioscope.engine.memory;

/** IODirection (IOTypes.h): kIODirectionIn = 1 (device to memory), kIODirectionOut = 2, kIODirectionOutIn = 3. */
public enum IODirection {
    IN(1), OUT(2), OUT_IN(3);

    public final int bits;

    IODirection(int bits) {
        this.bits = bits;
    }

    /** Whether a copy buffer must be filled from memory before the transfer (out) or copied back after it (in). */
    boolean copies(boolean toDevice) {
        return (bits & (toDevice ? OUT.bits : IN.bits)) != 0;
    }
}
