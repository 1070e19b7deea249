package dev.ioscope.engine.report;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnBadArgument;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;

import java.util.function.LongSupplier;

/**
 * {@code IOSimpleReporter}: one signed 64-bit counter per channel ({@code IOSimpleReportValues.simple_value}).
 * {@code setValue} / {@code incrementValue} answer kIOReturnBadArgument for an unknown channel; {@code getValue}
 * answers {@code kIOReportInvalidValue} for one.
 */
public final class IOSimpleReporter extends IOReporter {
    public IOSimpleReporter(long providerId, int categories, long unit, LongSupplier clock) {
        super(providerId, IOReportTypes.kIOReportFormatSimple, categories, unit, 1, clock);
    }

    @Override
    protected void initChannel(int channelIdx) {
        setElement(channelIdx, 0, 0, 0, 0, 0);
    }

    public int setValue(long channelId, long value) {
        int c = indexOf(channelId);
        if (c < 0) {
            return kIOReturnBadArgument;
        }
        setValue(c, 0, value, clock.getAsLong());
        return kIOReturnSuccess;
    }

    /** Adds with 64-bit wrap-around, as the C {@code +=} on int64 does in practice. */
    public int incrementValue(long channelId, long increment) {
        int c = indexOf(channelId);
        if (c < 0) {
            return kIOReturnBadArgument;
        }
        setValue(c, 0, value(c, 0) + increment, clock.getAsLong());
        return kIOReturnSuccess;
    }

    public long getValue(long channelId) {
        int c = indexOf(channelId);
        return c < 0 ? IOReportTypes.kIOReportInvalidValue : value(c, 0);
    }
}
