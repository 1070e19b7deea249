package dev.ioscope.engine.report.sampling;

import java.util.ArrayList;
import java.util.List;

/**
 * One IOReport channel's values in one {@link ReportFrame}, copied out of an {@code IOReportSample} on the engine
 * thread, in the shape of the channel's {@code report_format}: a simple counter, a simple array, a state channel's
 * per-state totals, or a histogram's buckets. Values are the reporter's running totals (what
 * {@code IOReportCreateSamples} returns), not deltas.
 */
public sealed interface ReportValue {

    /** {@code kIOReportFormatSimple}: {@code simple_value}. */
    record Simple(long value) implements ReportValue {
    }

    /** {@code kIOReportFormatSimpleArray}: the channel's {@code nelements × 4} values. */
    record Array(List<Long> values) implements ReportValue {
        public Array {
            values = List.copyOf(values);
        }
    }

    /**
     * {@code kIOReportFormatState}: per state, in element order. {@code current} is the state the channel is in (the
     * one entered last), or -1 before the first transition.
     */
    record State(List<Slot> states, int current) implements ReportValue {
        public State {
            states = List.copyOf(states);
        }

        /** All transitions into any state ({@code IOReportStateGetInTransitions} summed). */
        public long transitions() {
            long n = 0;
            for (Slot s : states) {
                n += s.transitions();
            }
            return n;
        }

        /**
         * What happened between {@code earlier} and this sample ({@code IOReportCreateSamplesDelta} rules of
         * IOReportSubscription.delta): transitions and residency subtracted, ids and last transitions kept.
         */
        public State since(State earlier) {
            if (earlier.states().size() != states.size()) {
                return this;
            }
            List<Slot> out = new ArrayList<>(states.size());
            for (int i = 0; i < states.size(); i++) {
                Slot a = earlier.states().get(i);
                Slot b = states.get(i);
                out.add(new Slot(b.id(), b.transitions() - a.transitions(), b.residency() - a.residency(),
                        b.lastTransition()));
            }
            return new State(out, current);
        }

        /** Residency of all states together, in the channel's unit. */
        public long residency() {
            long n = 0;
            for (Slot s : states) {
                n += Math.max(0, s.residency());
            }
            return n;
        }
    }

    /** One state element: {@code state_id, intransitions, upticks (residency), last_intransition}. */
    record Slot(long id, long transitions, long residency, long lastTransition) {
    }

    /** {@code kIOReportFormatHistogram}: the buckets in order; min/max/sum of empty buckets are invalid. */
    record Histogram(List<Bucket> buckets) implements ReportValue {
        public Histogram {
            buckets = List.copyOf(buckets);
        }

        /**
         * What was tallied between {@code earlier} and this sample: hits and sums subtracted per bucket; a bucket's
         * min and max are running extremes that cannot be subtracted, so they are this sample's (and only for
         * buckets that got hits in between).
         */
        public Histogram since(Histogram earlier) {
            if (earlier.buckets().size() != buckets.size()) {
                return this;
            }
            List<Bucket> out = new ArrayList<>(buckets.size());
            for (int i = 0; i < buckets.size(); i++) {
                Bucket a = earlier.buckets().get(i);
                Bucket b = buckets.get(i);
                long hits = b.hits() - a.hits();
                long inv = Long.MIN_VALUE;   // kIOReportInvalidValue, as an empty bucket holds
                out.add(hits == 0 ? new Bucket(b.upperBound(), 0, inv, inv, inv) : new Bucket(b.upperBound(), hits,
                        b.min(), b.max(), a.hits() == 0 ? b.sum() : b.sum() - a.sum()));
            }
            return new Histogram(out);
        }

        public long count() {
            long n = 0;
            for (Bucket b : buckets) {
                n += b.hits();
            }
            return n;
        }

        /** Sum of every tallied value (saturating, as the reporter's own sums). */
        public long sum() {
            long n = 0;
            for (Bucket b : buckets) {
                if (b.hits() > 0) {
                    long s = n + b.sum();
                    n = ((n ^ s) & (b.sum() ^ s)) < 0 ? Long.MAX_VALUE : s;
                }
            }
            return n;
        }

        /** The smallest value tallied, or {@code kIOReportInvalidValue} when empty. */
        public long min() {
            for (Bucket b : buckets) {
                if (b.hits() > 0) {
                    return b.min();
                }
            }
            return Long.MIN_VALUE;
        }

        /** The largest value tallied, or {@code kIOReportInvalidValue} when empty. */
        public long max() {
            for (int i = buckets.size() - 1; i >= 0; i--) {
                if (buckets.get(i).hits() > 0) {
                    return buckets.get(i).max();
                }
            }
            return Long.MIN_VALUE;
        }
    }

    /**
     * One histogram bucket: its upper bound (from the reporter's segment config; {@code Long.MAX_VALUE} for the
     * open-ended last bucket) and {@code bucket_hits, bucket_min, bucket_max, bucket_sum}.
     */
    record Bucket(long upperBound, long hits, long min, long max, long sum) {
    }
}
