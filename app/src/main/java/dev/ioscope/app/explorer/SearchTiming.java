package dev.ioscope.app.explorer;

/**
 * Where one search's wall time went, in microseconds (the benchmark prints it, docs/benchmarks.md): from the
 * keystroke to the job thread starting, waiting there for the index (the first search after an open waits for its
 * quick stage), the search itself, putting the hits in tree order, the hop back to the FX thread, and the FX
 * thread applying the result (the tree's refold, the rows' marks, the label) before the frame.
 *
 * @param queued   keystroke to the job thread starting
 * @param index    the job thread waiting for an index that covers the query
 * @param search   the search over the index
 * @param order    the hits in the plane's tree order (waiting for that order first, if it is being worked out)
 * @param hop      the job's end to the FX thread taking the result
 * @param apply    the FX thread applying the result
 * @param jobCpu   the job thread's CPU time
 */
public record SearchTiming(long queued, long index, long search, long order, long hop, long apply, long jobCpu) {
    /** The job thread's wall time: index, search and order. */
    public long job() {
        return index + search + order;
    }

    /** As the benchmark prints it, in ms with one decimal. */
    @Override
    public String toString() {
        return "queued " + ms(queued) + ", index wait " + ms(index) + ", search " + ms(search) + ", order "
                + ms(order) + ", hop " + ms(hop) + ", apply " + ms(apply) + " (job CPU " + ms(jobCpu) + ")";
    }

    private static String ms(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }
}
