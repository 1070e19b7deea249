package dev.ioscope.engine.memory;

/**
 * IODMACommand's segment output functions: Segment32 or Segment64 in host, big or little byte order. A 32-bit one
 * stores address and length cut to 32 bits ({@code (UInt32) segment.fIOVMAddr}), which is why setSpecification
 * limits it to 32 address bits (DMA1).
 */
public enum DmaOutput {
    OutputHost32, OutputBig32, OutputLittle32, OutputHost64, OutputBig64, OutputLittle64;

    public boolean is32() {
        return this == OutputHost32 || this == OutputBig32 || this == OutputLittle32;
    }

    /** Bytes one segment takes in the output list. */
    public int segmentBytes() {
        return is32() ? 8 : 16;
    }
}
