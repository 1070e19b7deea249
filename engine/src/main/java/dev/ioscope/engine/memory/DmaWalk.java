package dev.ioscope.engine.memory;

import dev.ioscope.engine.iokit.IOReturn;

import java.util.ArrayList;
import java.util.List;

/**
 * The loop of IODMACommand::genIOVMSegments, in IOScope's words: take physically contiguous runs of the memory
 * (or of the copy buffer), join runs that touch, then cut the segment at the device's last address (client walks:
 * a segment wholly above it is replaced page by page with its bounce pages), at maxSegmentSize, at the length
 * alignment and so the next segment starts on the internal-segment alignment; what is cut off is walked again as
 * the next segment. The same loop runs the preflight of prepare (walkAll with segmentOp), which only looks.
 */
final class DmaWalk {
    private enum Op { PREFLIGHT, PREPARE, CLIENT }

    private final IODMACommand c;
    /** The descriptor walk's state (IOMDDMAWalkSegmentArgs): a run waiting to be taken, and where. */
    private long stateAddr;
    private long stateLength;
    private boolean stateValid;
    private int nextBounce;

    DmaWalk(IODMACommand c) {
        this.c = c;
    }

    /** walkAll(kWalkPrepare | kWalkPreflight): count, decide on double buffering, take bounce pages (DMA4, DMA5). */
    void preflight() {
        c.misaligned = false;
        long[] pages = {0};
        run(Op.PREFLIGHT, 0, Integer.MAX_VALUE, null, pages);
        c.doubleBuffer = c.misaligned;
        if (c.doubleBuffer) {
            long len = LowMemory.roundPage(c.preparedLength);
            c.copyBuffer = new IOMemoryDescriptor.Range(c.lowMemory.allocate(len / IOMemoryDescriptor.PAGE_SIZE), len);
        } else if (pages[0] > 0) {
            nextBounce = 0;
            long first = c.lowMemory.allocate(pages[0]);
            for (long i = 0; i < pages[0]; i++) {
                c.bouncePages.add(new IODMACommand.BouncePage(-1, first + i * IOMemoryDescriptor.PAGE_SIZE));
            }
            run(Op.PREPARE, 0, Integer.MAX_VALUE, null, pages);
        }
    }

    IODMACommand.Generated client(long offset, int max) {
        List<IODMACommand.Segment> out = new ArrayList<>();
        long[] next = {offset};
        int ret = run(Op.CLIENT, offset, max, out, next);
        return new IODMACommand.Generated(ret, out, ret == IOReturn.kIOReturnSuccess ? next[0] : offset);
    }

    /** One genIOVMSegments call; for CLIENT, {@code aux[0]} returns the next offset, else counts bounce pages. */
    private int run(Op op, long startOffset, int numSegments, List<IODMACommand.Segment> out, long[] aux) {
        long offset = startOffset + c.preparedOffset;
        long memLength = c.preparedOffset + c.preparedLength;
        if (offset >= memLength) {
            return IOReturn.kIOReturnOverrun;
        }
        stateValid = false;   // IOScope restarts the descriptor walk on every call: same segments, simpler state
        long maxPhys = c.spec.maxPhys();
        long curAddr = 0;
        long curLen = 0;
        boolean curValid = false;
        int segIndex = 0;
        int ret = IOReturn.kIOReturnSuccess;
        boolean more = true;
        while (stateValid || more) {
            if (!stateValid) {
                IOMemoryDescriptor.Run r = runAt(offset);
                if (r != null) {
                    stateValid = true;
                    stateAddr = r.address();
                    stateLength = r.length();
                    if (curValid && curAddr + curLen == stateAddr) {   // runs that touch are one segment
                        offset += stateLength;
                        curLen += stateLength;
                        stateValid = false;
                    }
                } else {
                    stateValid = false;
                    stateLength = 0;
                    more = false;
                }
            }
            if (!curValid) {
                offset += stateLength;
                curAddr = stateAddr;
                curLen = stateLength;
                curValid = true;
                stateValid = false;
            }
            if (!stateValid) {
                if (op == Op.CLIENT && Long.compareUnsigned(curAddr + curLen - 1, maxPhys) > 0) {
                    if (c.cursor) {
                        return IOReturn.kIOReturnMessageTooLarge;
                    } else if (Long.compareUnsigned(curAddr, maxPhys) <= 0) {
                        long newLength = maxPhys + 1 - curAddr;   // up to the last reachable byte
                        long remain = curLen - newLength;
                        stateAddr = curAddr + newLength;
                        stateValid = true;
                        curLen = newLength;
                        stateLength = remain;
                        offset -= remain;
                    } else {
                        long addr = curAddr;
                        IODMACommand.BouncePage page = bounceFor(addr / IOMemoryDescriptor.PAGE_SIZE);
                        if (page == null) {
                            return IOReturn.kIOReturnInternalError;   // XNU: panic("no remap page found")
                        }
                        curAddr = page.physical() + (addr & IOMemoryDescriptor.PAGE_MASK);
                        long newLength = IOMemoryDescriptor.PAGE_SIZE - (addr & IOMemoryDescriptor.PAGE_MASK);
                        if (newLength < curLen) {
                            long remain = curLen - newLength;
                            stateAddr = addr + newLength;
                            stateValid = true;
                            curLen = newLength;
                            stateLength = remain;
                            offset -= remain;
                        }
                    }
                }
                long leftover = 0;
                if (Long.compareUnsigned(curLen, c.spec.maxSegmentSize()) > 0) {
                    leftover += curLen - c.spec.maxSegmentSize();
                    curLen = c.spec.maxSegmentSize();
                    stateAddr = curLen + curAddr;
                    stateValid = true;
                }
                long reduce = curLen & c.spec.alignMaskLength();
                if (reduce != 0 && curLen > reduce) {
                    leftover += reduce;
                    curLen -= reduce;
                    stateAddr = curLen + curAddr;
                    stateValid = true;
                }
                reduce = (stateValid ? stateAddr : 0) & c.spec.alignMaskInternalSegments();
                if (reduce != 0 && curLen > reduce) {
                    leftover += reduce;
                    curLen -= reduce;
                    stateAddr = curLen + curAddr;
                    stateValid = true;
                }
                if (leftover != 0) {
                    stateLength = leftover;
                    offset -= leftover;
                }
                if (op == Op.CLIENT && c.cursor) {
                    long mask = segIndex == 0 ? c.sourceAlignMask : c.spec.alignMaskInternalSegments();
                    if ((curAddr & mask) != 0 || (curLen & c.spec.alignMaskLength()) != 0) {
                        return IOReturn.kIOReturnNotAligned;
                    }
                }
                if (offset >= memLength) {
                    curLen -= offset - memLength;
                    offset = memLength;
                    stateValid = false;
                    break;
                }
            }
            if (stateValid) {
                if (segIndex + 1 == numSegments) {
                    break;
                }
                ret = emit(op, curAddr, curLen, segIndex++, out, aux);
                curValid = false;
                if (ret != IOReturn.kIOReturnSuccess) {
                    break;
                }
            }
        }
        if (curValid && ret == IOReturn.kIOReturnSuccess) {
            ret = emit(op, curAddr, curLen, segIndex++, out, aux);
        }
        if (ret == IOReturn.kIOReturnSuccess && op == Op.CLIENT) {
            aux[0] = offset - c.preparedOffset;
        }
        return ret;
    }

    /** The run at a walk offset: the copy buffer's when double-buffered, else the memory's. */
    private IOMemoryDescriptor.Run runAt(long offset) {
        if (offset >= c.preparedOffset + c.preparedLength && c.copyBuffer != null) {
            return null;
        }
        if (c.copyBuffer != null) {
            long in = offset - c.preparedOffset;
            return new IOMemoryDescriptor.Run(c.copyBuffer.address() + in, c.copyBuffer.length() - in);
        }
        return c.memory.walk(offset);
    }

    private IODMACommand.BouncePage bounceFor(long page) {
        for (IODMACommand.BouncePage b : c.bouncePages) {
            if (b.originalPage() == page) {
                return b;
            }
        }
        return null;
    }

    private int emit(Op op, long addr, long len, int index, List<IODMACommand.Segment> out, long[] aux) {
        if (op == Op.CLIENT) {
            return output(addr, len, out);
        }
        return segmentOp(op, addr, len, index, aux);
    }

    /** clientOutputSegment (DMA7): past the device's address bits → kIOReturnMessageTooLarge (still written). */
    private int output(long addr, long len, List<IODMACommand.Segment> out) {
        int bits = c.spec.numAddressBits();
        int ret = IOReturn.kIOReturnSuccess;
        if (bits > 0 && bits < 64 && ((addr + len - 1) >>> bits) != 0) {
            ret = IOReturn.kIOReturnMessageTooLarge;
        }
        out.add(c.spec.output().is32() ? new IODMACommand.Segment(addr & 0xffffffffL, len & 0xffffffffL)
                : new IODMACommand.Segment(addr, len));
        return ret;
    }

    /** segmentOp: alignment check, then the pages of the part above the device's reach (count, then tag). */
    private int segmentOp(Op op, long address, long length, int index, long[] pages) {
        long maxPhys = c.spec.maxPhys();
        if (!c.misaligned) {
            long mask = index == 0 ? c.sourceAlignMask : c.spec.alignMaskInternalSegments();
            c.misaligned = (mask & address) != 0 || (c.spec.alignMaskLength() & length) != 0;
        }
        if (c.misaligned && op == Op.PREFLIGHT) {
            return IOReturn.kIOReturnNotAligned;
        }
        if (Long.compareUnsigned(address + length - 1, maxPhys) <= 0) {
            return IOReturn.kIOReturnSuccess;
        }
        if (Long.compareUnsigned(address, maxPhys) <= 0) {
            length = address + length - maxPhys - 1;
            address = maxPhys + 1;
        }
        long n = LowMemory.roundPage((address & IOMemoryDescriptor.PAGE_MASK) + length) / IOMemoryDescriptor.PAGE_SIZE;
        if (op == Op.PREFLIGHT) {
            pages[0] += n;
        } else {
            for (long i = 0; i < n; i++) {
                IODMACommand.BouncePage b = c.bouncePages.get(nextBounce);
                c.bouncePages.set(nextBounce++, new IODMACommand.BouncePage(address / IOMemoryDescriptor.PAGE_SIZE + i,
                        b.physical()));
            }
        }
        return IOReturn.kIOReturnSuccess;
    }
}
