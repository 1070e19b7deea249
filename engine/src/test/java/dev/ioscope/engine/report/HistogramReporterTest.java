package dev.ioscope.engine.report;

import static dev.ioscope.engine.report.IOReportTypes.kIOReportInvalidValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import dev.ioscope.engine.iokit.IOReturn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bucket edges and tallies as IOHistogramReporter::initWith / tallyValue compute them. */
class HistogramReporterTest {
    private final AtomicLong clock = new AtomicLong(1000);

    private static IOHistogramSegmentConfig linear(int width, int count) {
        return new IOHistogramSegmentConfig(width, 0, 0, count);
    }

    private static IOHistogramSegmentConfig exponential(int base, int count) {
        return new IOHistogramSegmentConfig(base, 1, 0, count);
    }

    @Test

    @DisplayName("RP4: a linear segment's bucket i ends at width x (i+1)")
    void linearSegmentBoundsAreWidthTimesIndexPlusOne() {
        assertThat(IOHistogramReporter.bucketBounds(List.of(linear(10, 5)))).containsExactly(10, 20, 30, 40, 50);
    }

    @Test

    @DisplayName("RP4: an exponential segment's bucket i ends at width^(i+1)")
    void exponentialSegmentBoundsArePowersOfTheBase() {
        assertThat(IOHistogramReporter.bucketBounds(List.of(exponential(2, 4)))).containsExactly(2, 4, 8, 16);
    }

    @Test

    @DisplayName("RP4: segments concatenate and bounds must strictly increase")
    void segmentsConcatenateAndMustStrictlyIncrease() {
        assertThat(IOHistogramReporter.bucketBounds(List.of(linear(5, 2), exponential(16, 2))))
                .containsExactly(5, 10, 16, 256);
        assertThat(IOHistogramReporter.bucketBounds(List.of(linear(10, 3), exponential(2, 2)))).isNull();
        assertThat(IOHistogramReporter.bucketBounds(List.of(exponential(1, 2)))).as("1, 1").isNull();
    }

    @Test

    @DisplayName("RP4: bad segment configurations are refused")
    void badConfigsAreRefused() {
        assertThat(IOHistogramReporter.bucketBounds(List.of())).isNull();
        assertThat(IOHistogramReporter.bucketBounds(List.of(new IOHistogramSegmentConfig(10, 2, 0, 3)))).isNull();
        assertThat(IOHistogramReporter.bucketBounds(List.of(linear(0, 3)))).isNull();
        assertThat(IOHistogramReporter.with(1, 0, 7, "h", IOReportUnit.kIOReportUnit_us, List.of(linear(0, 3)),
                clock::get)).isNull();
    }

    @Test

    @DisplayName("RP5: tallies use inclusive upper bounds and an open last bucket")
    void tallyUsesInclusiveUpperBoundsAndAnOpenLastBucket() {
        IOHistogramReporter h = IOHistogramReporter.with(1, 0, 7, "lat", IOReportUnit.kIOReportUnit_us,
                List.of(linear(10, 5)), clock::get);
        assertThat(h.channelType().nelements()).isEqualTo(5);
        assertThat(h.bucket(0)).containsExactly(0, kIOReportInvalidValue, kIOReportInvalidValue,
                kIOReportInvalidValue);
        assertThat(h.tallyValue(0)).isZero();
        assertThat(h.tallyValue(10)).isZero();
        assertThat(h.tallyValue(-5)).isZero();
        assertThat(h.tallyValue(11)).isEqualTo(1);
        assertThat(h.tallyValue(1000)).isEqualTo(4);
        assertThat(h.bucket(0)).containsExactly(3, -5, 10, 5);
        assertThat(h.bucket(1)).containsExactly(1, 11, 11, 11);
        assertThat(h.bucket(4)).containsExactly(1, 1000, 1000, 1000);
    }

    @Test

    @DisplayName("RP5: an overflowing sum sticks at INT64_MAX")
    void sumSaturatesAtInt64MaxOnOverflow() {
        IOHistogramReporter h = IOHistogramReporter.with(1, 0, 7, "big", IOReportUnit.kIOReportUnitNone,
                List.of(linear(10, 2)), clock::get);
        h.tallyValue(Long.MAX_VALUE);
        h.tallyValue(Long.MAX_VALUE - 1);
        assertThat(h.bucket(1)).containsExactly(2, Long.MAX_VALUE - 1, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    @Test

    @DisplayName("RP5: overrideBucketValues past the last bucket is kIOReturnBadArgument")
    void overrideChecksTheBucketIndex() {
        IOHistogramReporter h = IOHistogramReporter.with(1, 0, 7, "o", IOReportUnit.kIOReportUnitNone,
                List.of(linear(10, 2)), clock::get);
        assertThat(h.overrideBucketValues(2, 1, 1, 1, 1)).isEqualTo(IOReturn
                .kIOReturnBadArgument);
        assertThat(h.overrideBucketValues(1, 4, 1, 9, 20)).isZero();
        assertThat(h.bucket(1)).containsExactly(4, 1, 9, 20);
    }
}
