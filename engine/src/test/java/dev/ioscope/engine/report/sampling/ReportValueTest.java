package dev.ioscope.engine.report.sampling;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's window deltas (IOReportCreateSamplesDelta's rules) and histogram totals. */
class ReportValueTest {
    static final long INV = Long.MIN_VALUE;

    private static ReportValue.Bucket b(long bound, long hits, long min, long max, long sum) {
        return new ReportValue.Bucket(bound, hits, min, max, sum);
    }

    private static ReportValue.Slot slot(long id, long transitions, long residency, long last) {
        return new ReportValue.Slot(id, transitions, residency, last);
    }

    @Test
    void aHistogramDeltaSubtractsHitsAndSumsAndEmptiesBucketsThatGotNothing() {
        var before = new ReportValue.Histogram(List.of(b(100, 2, 10, 90, 100),
                b(200, 0, INV, INV, INV), b(Long.MAX_VALUE, 1, 500, 500, 500)));
        var after = new ReportValue.Histogram(List.of(b(100, 5, 5, 90, 160),
                b(200, 1, 150, 150, 150), b(Long.MAX_VALUE, 1, 500, 500, 500)));
        var d = after.since(before);
        assertThat(d.buckets()).containsExactly(b(100, 3, 5, 90, 60),
                b(200, 1, 150, 150, 150), b(Long.MAX_VALUE, 0, INV, INV, INV));
        assertThat(d.count()).isEqualTo(4);
        assertThat(d.sum()).isEqualTo(210);
        assertThat(d.min()).isEqualTo(5);
        assertThat(d.max()).isEqualTo(150);
        assertThat(after.count()).isEqualTo(7);
        assertThat(after.max()).isEqualTo(500);
        assertThat(new ReportValue.Histogram(List.of(b(1, 0, INV, INV, INV))).min()).isEqualTo(INV);   // empty
    }

    @Test
    void aStateDeltaSubtractsTransitionsAndResidencyAndKeepsIdsAndTheCurrentState() {
        var before = new ReportValue.State(List.of(slot(0, 1, 100, 0),
                slot(1, 0, 0, 0)), 0);
        var after = new ReportValue.State(List.of(slot(0, 2, 150, 400),
                slot(1, 1, 250, 200)), 0);
        var d = after.since(before);
        assertThat(d.states()).containsExactly(slot(0, 1, 50, 400), slot(1, 1, 250, 200));
        assertThat(d.current()).isEqualTo(0);
        assertThat(d.transitions()).isEqualTo(2);
        assertThat(d.residency()).isEqualTo(300);
    }
}
