package dev.ioscope.engine.report;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnBadArgument;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;

import java.util.function.LongSupplier;

/**
 * A simple-array reporter ({@code kIOReportFormatSimpleArray}): each channel holds {@code nValues} signed counters
 * packed four to an element ({@code IOSimpleArrayReportValues.simple_values[IOR_VALUES_PER_ELEMENT]}), so a channel
 * has ceil(nValues / 4) elements and value {@code i} lives in element {@code i / 4}, slot {@code i % 4}.
 */
public final class IOSimpleArrayReporter extends IOReporter {
    private final int nValues;

    public IOSimpleArrayReporter(long providerId, int categories, long unit, int nValues, LongSupplier clock) {
        super(providerId, IOReportTypes.kIOReportFormatSimpleArray, categories, unit,
                (nValues + IOReportTypes.IOR_VALUES_PER_ELEMENT - 1) / IOReportTypes.IOR_VALUES_PER_ELEMENT, clock);
        this.nValues = nValues;
    }

    public int valueCount() {
        return nValues;
    }

    @Override
    protected void initChannel(int channelIdx) {
        for (int e = 0; e < channelDimension; e++) {
            setElement(channelIdx * channelDimension + e, 0, 0, 0, 0, 0);
        }
    }

    public int setValue(long channelId, int index, long value) {
        int c = indexOf(channelId);
        if (c < 0 || index < 0 || index >= nValues) {
            return kIOReturnBadArgument;
        }
        setValue(c * channelDimension + index / 4, index % 4, value, clock.getAsLong());
        return kIOReturnSuccess;
    }

    public int incrementValue(long channelId, int index, long increment) {
        int c = indexOf(channelId);
        if (c < 0 || index < 0 || index >= nValues) {
            return kIOReturnBadArgument;
        }
        int el = c * channelDimension + index / 4;
        setValue(el, index % 4, value(el, index % 4) + increment, clock.getAsLong());
        return kIOReturnSuccess;
    }

    public long getValue(long channelId, int index) {
        int c = indexOf(channelId);
        if (c < 0 || index < 0 || index >= nValues) {
            return IOReportTypes.kIOReportInvalidValue;
        }
        return value(c * channelDimension + index / 4, index % 4);
    }
}
