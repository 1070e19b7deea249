package dev.ioscope.engine.report;

/**
 * {@code IOHistogramSegmentConfig}: {@code base_bucket_width, scale_flag (0 linear, 1 exponential), segment_idx,
 * segment_bucket_count}, all UInt32.
 */
public record IOHistogramSegmentConfig(int baseBucketWidth, int scaleFlag, int segmentIdx, int segmentBucketCount) {
}
