package dev.ioscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.memory.DmaOutput;
import dev.ioscope.engine.memory.DmaSpecification;
import dev.ioscope.engine.memory.IODMACommand;
import dev.ioscope.engine.memory.IODirection;
import dev.ioscope.engine.memory.IOMemoryDescriptor;
import dev.ioscope.engine.memory.LowMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ioscope dma RANGES}: how IODMACommand cuts a transfer over memory at the given physical ranges into
 * segments for a device's constraints, with the bounce pages or copy buffer it needs (rules DMA1-DMA8).
 */
@Command(name = "dma",
        customSynopsis = {"ioscope dma RANGES [--output FN] [--address-bits N] [--max-segment N] [--max-transfer N]",
            "       [--alignment N] [--alignment-length N] [--alignment-internal N] [--per-call N] [--unprepared]",
            "       [--last-physical ADDR] [--low-memory ADDR] [--offset N] [--length N] [--json]"},
        description = "Show how IODMACommand cuts a transfer into segments for a device's constraints.",
        footer = {"RANGES is ADDRESS+LENGTH[,ADDRESS+LENGTH...], the memory's physical ranges in order; numbers are "
            + "decimal or 0x hex; 0 for a size or alignment means none. See docs/interrupts-and-dma.md."})
final class DmaCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "RANGES", description = "The memory: ADDRESS+LENGTH[,...] (physical, in order).")
    String ranges;

    @Option(names = "--output", paramLabel = "FN", description = "Segment output function: Host32, Big32, "
            + "Little32, Host64 (default), Big64, Little64. A 32-bit one means 32 address bits.")
    String output = "Host64";

    @Option(names = "--address-bits", paramLabel = "N", description = "Address bits the device drives (0: 64).")
    String addressBits = "0";

    @Option(names = "--max-segment", paramLabel = "N", description = "maxSegmentSize (0: none).")
    String maxSegment = "0";

    @Option(names = "--max-transfer", paramLabel = "N", description = "maxTransferSize (0: none).")
    String maxTransfer = "0";

    @Option(names = "--alignment", paramLabel = "N", description = "Alignment of the first segment's address.")
    String alignment = "0";

    @Option(names = "--alignment-length", paramLabel = "N", description = "Alignment of every segment's length.")
    String alignmentLength = "0";

    @Option(names = "--alignment-internal", paramLabel = "N",
            description = "Alignment of later segments' addresses (default: --alignment).")
    String alignmentInternal = "0";

    @Option(names = "--per-call", paramLabel = "N", description = "Segments asked per genIOVMSegments call "
            + "(default 16).")
    String perCall = "16";

    @Option(names = "--unprepared", description = "Do not prepare (wire) the memory first: its highest page is "
            + "then unknown and the machine's last page is assumed.")
    boolean unprepared;

    @Option(names = "--last-physical", paramLabel = "ADDR", description = "The machine's last RAM address "
            + "(default 0x1ffffffff, 8 GiB).")
    String lastPhysical = "0x1ffffffff";

    @Option(names = "--low-memory", paramLabel = "ADDR", description = "Where bounce pages and copy buffers are "
            + "taken from (default 0x100000).")
    String lowMemory = "0x100000";

    @Option(names = "--offset", paramLabel = "N", description = "Offset of the prepared range (default 0).")
    String offset = "0";

    @Option(names = "--length", paramLabel = "N", description = "Length of the prepared range (0: all).")
    String length = "0";

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    private final PrintStream out;

    DmaCommand(Streams io) {
        this.out = io.out();
    }

    @Override
    public Integer call() throws Exception {
        List<IOMemoryDescriptor.Range> rs;
        DmaOutput fn = null;
        for (DmaOutput o : DmaOutput.values()) {
            if (o.name().equalsIgnoreCase(output) || o.name().equalsIgnoreCase("Output" + output)) {
                fn = o;
            }
        }
        if (fn == null) {
            throw new UsageException("--output is Host32, Big32, Little32, Host64, Big64 or Little64, not " + output);
        }
        IOMemoryDescriptor md;
        try {
            rs = IOMemoryDescriptor.parseRanges(ranges);
            md = new IOMemoryDescriptor(unprepared ? IOMemoryDescriptor.Type.VIRTUAL : IOMemoryDescriptor.Type.PHYSICAL,
                    IODirection.OUT_IN, rs);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new UsageException("RANGES: " + e.getMessage());
        }
        long bits = num("--address-bits", addressBits);
        if (bits > 64) {
            throw new UsageException("--address-bits is at most 64, not " + bits);
        }
        DmaSpecification.Result spec = DmaSpecification.of(fn, (int) bits, num("--max-segment", maxSegment),
                num("--max-transfer", maxTransfer), pow2("--alignment", alignment),
                pow2("--alignment-length", alignmentLength), pow2("--alignment-internal", alignmentInternal));
        if (spec.ret() != IOReturn.kIOReturnSuccess) {
            throw new UsageException("setSpecification refuses " + bits + " address bits with " + fn.name() + ": "
                    + IOReturn.format(spec.ret()));
        }
        long low = num("--low-memory", lowMemory);
        if ((low & IOMemoryDescriptor.PAGE_MASK) != 0 || low >= (1L << 32)) {
            throw new UsageException("--low-memory is a page address below 4 GiB, not " + lowMemory);
        }
        long calls = num("--per-call", perCall);
        if (calls < 1 || calls > 1_000_000) {
            throw new UsageException("--per-call is from 1 to 1000000, not " + perCall);
        }
        IODMACommand c = new IODMACommand(spec.spec(), num("--last-physical", lastPhysical), new LowMemory(low));
        c.setMemoryDescriptor(md);
        int prepared = c.prepare(num("--offset", offset), num("--length", length));
        IODMACommand.Generated g = prepared == IOReturn.kIOReturnSuccess ? c.allSegments((int) calls) : null;
        if (json) {
            json(md, spec.spec(), c, prepared, g);
        } else {
            DmaText.print(out, md, spec.spec(), c, prepared, g);
        }
        return ExitCodes.OK;
    }

    private void json(IOMemoryDescriptor md, DmaSpecification s, IODMACommand c, int prepared,
                      IODMACommand.Generated g) throws IOException {
        JsonGenerator j = new JsonFactory().createGenerator(out);
        j.useDefaultPrettyPrinter();
        j.writeStartObject();
        j.writeStringField("memoryLength", DmaText.hex(md.getLength()));
        j.writeStringField("output", s.output().name());
        j.writeNumberField("numAddressBits", s.numAddressBits());
        j.writeStringField("prepare", IOReturn.name(prepared));
        j.writeBooleanField("cursor", c.isCursor());
        j.writeBooleanField("doubleBuffer", c.isDoubleBuffered());
        j.writeArrayFieldStart("bouncePages");
        for (long[] p : c.bouncePageMap()) {
            j.writeStartObject();
            j.writeStringField("page", DmaText.hex(p[0] * IOMemoryDescriptor.PAGE_SIZE));
            j.writeStringField("copy", DmaText.hex(p[1]));
            j.writeEndObject();
        }
        j.writeEndArray();
        if (c.copyBuffer() != null) {
            j.writeStringField("copyBuffer", DmaText.hex(c.copyBuffer().address()) + "+"
                    + DmaText.hex(c.copyBuffer().length()));
        }
        if (g != null) {
            j.writeStringField("generate", IOReturn.name(g.ret()));
            j.writeArrayFieldStart("segments");
            for (IODMACommand.Segment seg : g.segments()) {
                j.writeStartObject();
                j.writeStringField("address", DmaText.hex(seg.address()));
                j.writeStringField("length", DmaText.hex(seg.length()));
                j.writeEndObject();
            }
            j.writeEndArray();
        }
        j.writeEndObject();
        j.writeRaw('\n');
        j.flush();
    }

    private static long num(String option, String value) throws UsageException {
        try {
            return IOMemoryDescriptor.number(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    private static long pow2(String option, String value) throws UsageException {
        long v = num(option, value);
        if (v != 0 && Long.bitCount(v) != 1) {
            throw new UsageException(option + " is 0 or a power of two, not " + value);
        }
        return v;
    }
}
