package dev.ioscope.engine.memory;

import dev.ioscope.engine.iokit.IOReturn;

/**
 * IODMACommand::SegmentOptions after setSpecification has read them (DMA1): zero sizes mean "no limit" (-1, all
 * ones), zero alignments mean 1, a 32-bit output function means at most 32 address bits.
 *
 * @param output          the segment output function
 * @param numAddressBits  address bits the device can drive (0: 64)
 * @param maxSegmentSize  the longest segment (unsigned; -1: none)
 * @param maxTransferSize the longest prepare (unsigned; -1: none)
 * @param alignMask       fAlignMask (fAlignment - 1): a segment's start on the first segment
 * @param alignMaskLength fAlignMaskLength: every segment's length
 * @param alignMaskInternalSegments fAlignMaskInternalSegments: where a segment after the first may start
 */
public record DmaSpecification(DmaOutput output, int numAddressBits, long maxSegmentSize, long maxTransferSize,
                               long alignMask, long alignMaskLength, long alignMaskInternalSegments) {

    /** The spec or the IOReturn setSpecification answers (kIOReturnBadArgument). */
    public record Result(int ret, DmaSpecification spec) {
    }

    /**
     * setSpecification: {@code alignment}, {@code alignmentLength}, {@code alignmentInternalSegments} are the
     * SegmentOptions' fAlignment... values (powers of two; 0 for none, internal segments defaulting to the first's).
     */
    public static Result of(DmaOutput output, int numAddressBits, long maxSegmentSize, long maxTransferSize,
                            long alignment, long alignmentLength, long alignmentInternalSegments) {
        int bits = numAddressBits;
        if (output.is32()) {
            if (bits == 0) {
                bits = 32;
            } else if (bits > 32) {
                return new Result(IOReturn.kIOReturnBadArgument, null);   // wrong output function for the bits
            }
        }
        if (bits != 0 && bits < 12) {   // fewer than PAGE_SHIFT bits
            return new Result(IOReturn.kIOReturnBadArgument, null);
        }
        if (bits < 0 || bits > 64) {
            return new Result(IOReturn.kIOReturnBadArgument, null);
        }
        long mask = (alignment == 0 ? 1 : alignment) - 1;
        long lengthMask = (alignmentLength == 0 ? 1 : alignmentLength) - 1;
        long internal = (alignmentInternalSegments == 0 ? mask + 1 : alignmentInternalSegments) - 1;
        return new Result(IOReturn.kIOReturnSuccess, new DmaSpecification(output, bits,
                maxSegmentSize == 0 ? -1 : maxSegmentSize, maxTransferSize == 0 ? -1 : maxTransferSize,
                mask, lengthMask, internal));
    }

    /** The highest address the device reaches: 2^bits - 1, or all ones for 0 and 64 bits. */
    long maxPhys() {
        return numAddressBits > 0 && numAddressBits < 64 ? (1L << numAddressBits) - 1 : -1;
    }
}
