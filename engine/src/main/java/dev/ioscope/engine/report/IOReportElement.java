package dev.ioscope.engine.report;

/**
 * {@code IOReportElement} (packed): provider id, channel id, channel type (with {@code element_idx}), timestamp and
 * four 64-bit values whose meaning depends on the format: simple {@code simple_value}; state {@code state_id,
 * intransitions, upticks, last_intransition}; histogram {@code bucket_hits, bucket_min, bucket_max, bucket_sum};
 * simple array four {@code simple_values}.
 */
public record IOReportElement(long providerId, long channelId, IOReportChannelType channelType, long timestamp,
        long v0, long v1, long v2, long v3) {

    public long value(int i) {
        return switch (i) {
            case 0 -> v0;
            case 1 -> v1;
            case 2 -> v2;
            case 3 -> v3;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }
}
