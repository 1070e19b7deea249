package dev.ioscope.engine.report;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnBadArgument;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * {@code IOHistogramReporter} ({@code iokit/Kernel/IOHistogramReporter.cpp}), one channel. Bucket upper bounds come
 * from the segment configs: a linear segment's bucket {@code i} ends at {@code width * (i + 1)}, an exponential one's
 * at {@code width^(i + 1)}; bounds must strictly increase across all segments (else no reporter). A value goes in
 * the first bucket whose bound is ≥ it; the last bucket is open-ended. Empty buckets hold
 * {@code kIOReportInvalidValue} for min/max/sum; the first hit sets min = max = value and sum = 0 before adding;
 * later hits update min, else max, and the sum saturates at INT64_MAX on overflow.
 */
public final class IOHistogramReporter extends IOReporter {
    private final long[] bucketBounds;
    private final List<IOHistogramSegmentConfig> segments;

    private IOHistogramReporter(long providerId, int categories, long unit, long[] bounds,
            List<IOHistogramSegmentConfig> segments, LongSupplier clock) {
        super(providerId, IOReportTypes.kIOReportFormatHistogram, categories, unit, bounds.length, clock);
        this.bucketBounds = bounds;
        this.segments = List.copyOf(segments);
    }

    /** {@code IOHistogramReporter::with}: null when {@code initWith} would fail. */
    public static IOHistogramReporter with(long providerId, int categories, long channelId, String channelName,
            long unit, List<IOHistogramSegmentConfig> config, LongSupplier clock) {
        long[] bounds = bucketBounds(config);
        if (bounds == null) {
            return null;
        }
        IOHistogramReporter r = new IOHistogramReporter(providerId, categories, unit, bounds, config, clock);
        r.addChannel(channelId, channelName);
        return r;
    }

    /** The upper bounds {@code initWith} computes, or null for a config it refuses. */
    public static long[] bucketBounds(List<IOHistogramSegmentConfig> config) {
        if (config == null || config.isEmpty()) {
            return null;
        }
        long n = 0;
        for (IOHistogramSegmentConfig s : config) {
            if (Integer.toUnsignedLong(s.scaleFlag()) > 1 || s.baseBucketWidth() == 0) {
                return null;
            }
            n += Integer.toUnsignedLong(s.segmentBucketCount());
        }
        if (n == 0 || n > 0xffff) {
            return null; // nelements is a uint16 in the channel type
        }
        long[] bounds = new long[(int) n];
        int k = 0;
        long previous = 0;
        for (IOHistogramSegmentConfig s : config) {
            long count = Integer.toUnsignedLong(s.segmentBucketCount());
            long width = Integer.toUnsignedLong(s.baseBucketWidth());
            if (count > Integer.MAX_VALUE || width > Integer.MAX_VALUE) {
                return null;
            }
            for (int i = 0; i < count; i++) {
                long bound;
                if (s.scaleFlag() != 0) {
                    long power = 1;
                    for (int e = i + 1; e > 0; e--) {
                        power *= width; // int64 multiply; wraps like the C loop would
                    }
                    bound = power;
                } else {
                    bound = width * (i + 1L);
                }
                if (previous >= bound) {
                    return null;
                }
                bounds[k++] = bound;
                previous = bound;
            }
        }
        return bounds;
    }

    public long[] bucketBounds() {
        return bucketBounds.clone();
    }

    public List<IOHistogramSegmentConfig> segments() {
        return segments;
    }

    @Override
    protected void initChannel(int channelIdx) {
        long inv = IOReportTypes.kIOReportInvalidValue;
        for (int e = 0; e < channelDimension; e++) {
            setElement(channelIdx * channelDimension + e, 0, inv, inv, inv, 0);
        }
    }

    /** {@code tallyValue(value)}: the bucket index it went to. */
    public int tallyValue(long value) {
        int cnt;
        for (cnt = 0; cnt < bucketBounds.length - 1; cnt++) {
            if (value <= bucketBounds[cnt]) {
                break;
            }
        }
        long hits = value(cnt, 0);
        long min = value(cnt, 1);
        long max = value(cnt, 2);
        long sum = value(cnt, 3);
        if (hits == 0) {
            min = max = value;
            sum = 0;
        }
        if (value < min) {
            min = value;
        } else if (value > max) {
            max = value;
        }
        long s = sum + value;
        sum = ((sum ^ s) & (value ^ s)) < 0 ? Long.MAX_VALUE : s;
        setElement(cnt, hits + 1, min, max, sum, clock.getAsLong());
        return cnt;
    }

    /** {@code overrideBucketValues}: kIOReturnBadArgument for an index past the last bucket. */
    public int overrideBucketValues(int index, long hits, long min, long max, long sum) {
        if (Integer.toUnsignedLong(index) >= bucketBounds.length) {
            return kIOReturnBadArgument;
        }
        setElement(index, hits, min, max, sum, clock.getAsLong());
        return 0;
    }

    /** The four values of bucket {@code i}: hits, min, max, sum. */
    public long[] bucket(int i) {
        return new long[] {value(i, 0), value(i, 1), value(i, 2), value(i, 3)};
    }

    @Override
    public String toString() {
        return "IOHistogramReporter" + Arrays.toString(bucketBounds);
    }
}
