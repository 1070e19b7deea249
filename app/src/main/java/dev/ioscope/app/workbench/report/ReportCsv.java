package dev.ioscope.app.workbench.report;

import dev.ioscope.engine.io.SafeOutput;
import dev.ioscope.engine.report.ReportChannel;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The dashboard's frames as CSV (RFC 4180): one row per channel, element and frame, columns
 * {@code channel,element,time_ns,value}. {@code channel} is "group / subgroup / name"; {@code element} says which
 * value of the channel the row is: {@code value} (simple), {@code value[i]} (array), {@code <state>.residency} and
 * {@code <state>.transitions} (state), {@code bucket[i]<=bound.hits} plus {@code count}, {@code min}, {@code max},
 * {@code sum} (histogram). Values are the reporters' raw totals in the channel's unit.
 */
final class ReportCsv {
    static final String HEADER = "channel,element,time_ns,value";

    private ReportCsv() {
    }

    static void write(List<ReportChannel> channels, List<ReportFrame> frames, Writer w) throws IOException {
        w.write(HEADER);
        w.write("\r\n");
        for (ReportChannel ch : channels) {
            String name = quote(ReportFormat.path(ch));
            for (ReportFrame f : frames) {
                ReportValue v = f.value(ch);
                if (v != null) {
                    rows(name, f.clockNs(), v, w);
                }
            }
        }
    }

    private static void rows(String name, long t, ReportValue v, Writer w) throws IOException {
        if (v instanceof ReportValue.Simple s) {
            row(name, "value", t, s.value(), w);
        } else if (v instanceof ReportValue.Array a) {
            for (int i = 0; i < a.values().size(); i++) {
                row(name, "value[" + i + "]", t, a.values().get(i), w);
            }
        } else if (v instanceof ReportValue.State st) {
            for (ReportValue.Slot s : st.states()) {
                String label = ReportFormat.state(s.id());
                row(name, label + ".residency", t, s.residency(), w);
                row(name, label + ".transitions", t, s.transitions(), w);
            }
        } else if (v instanceof ReportValue.Histogram h) {
            for (int i = 0; i < h.buckets().size(); i++) {
                ReportValue.Bucket b = h.buckets().get(i);
                String bound = b.upperBound() == Long.MAX_VALUE ? "inf" : String.valueOf(b.upperBound());
                row(name, "bucket[" + i + "]<=" + bound + ".hits", t, b.hits(), w);
            }
            row(name, "count", t, h.count(), w);
            row(name, "min", t, h.min(), w);
            row(name, "max", t, h.max(), w);
            row(name, "sum", t, h.sum(), w);
        }
    }

    private static void row(String channel, String element, long t, long value, Writer w) throws IOException {
        w.write(channel);
        w.write(',');
        w.write(quote(element));
        w.write(',');
        w.write(Long.toString(t));
        w.write(',');
        // kIOReportInvalidValue (an empty bucket's min/max): an empty field, not INT64_MIN
        w.write(value == Long.MIN_VALUE ? "" : Long.toString(value));
        w.write("\r\n");
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * Writes through SafeOutput: a regular file is replaced whole (a reader never sees a half-written export, a
     * failure leaves the old file, its mode is kept), a link is followed, a device or FIFO written through.
     */
    static void export(List<ReportChannel> channels, List<ReportFrame> frames, Path target) throws IOException {
        SafeOutput.write(target, os -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            write(channels, frames, w);
            w.flush();
        });
    }
}
