package dev.ioscope.engine.report.sampling;

import dev.ioscope.engine.io.SafeOutput;
import dev.ioscope.engine.report.ReportChannel;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's frames as CSV (RFC 4180): one row per channel, element and frame, columns
 * {@code channel,element,time_ns,value}. {@code channel} is "group / subgroup / name"; {@code element} says which
 * value of the channel the row is: {@code value} (simple), {@code value[i]} (array), {@code <state>.residency} and
 * {@code <state>.transitions} (state), {@code bucket[i]<=bound.hits} plus {@code count}, {@code min}, {@code max},
 * {@code sum} (histogram). Values are the reporters' raw totals in the channel's unit.
 */
public final class ReportCsv {
    public static final String HEADER = "channel,element,time_ns,value";

    private ReportCsv() {
    }

    public static void write(List<ReportChannel> channels, List<ReportFrame> frames, Writer w) throws IOException {
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
        for (Map.Entry<String, Long> e : elements(v).entrySet()) {
            row(name, e.getKey(), t, e.getValue(), w);
        }
    }

    /**
     * A value's elements as the CSV's {@code element} column names them, in row order: {@code value},
     * {@code value[i]}, {@code <state>.residency} / {@code .transitions}, {@code bucket[i]<=bound.hits} and the
     * histogram's {@code count}, {@code min}, {@code max}, {@code sum}.
     */
    public static Map<String, Long> elements(ReportValue v) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (v instanceof ReportValue.Simple s) {
            out.put("value", s.value());
        } else if (v instanceof ReportValue.Array a) {
            for (int i = 0; i < a.values().size(); i++) {
                out.put("value[" + i + "]", a.values().get(i));
            }
        } else if (v instanceof ReportValue.State st) {
            for (ReportValue.Slot s : st.states()) {
                String label = ReportFormat.state(s.id());
                out.put(label + ".residency", s.residency());
                out.put(label + ".transitions", s.transitions());
            }
        } else if (v instanceof ReportValue.Histogram h) {
            for (int i = 0; i < h.buckets().size(); i++) {
                ReportValue.Bucket b = h.buckets().get(i);
                String bound = b.upperBound() == Long.MAX_VALUE ? "inf" : String.valueOf(b.upperBound());
                out.put("bucket[" + i + "]<=" + bound + ".hits", b.hits());
            }
            out.put("count", h.count());
            out.put("min", h.min());
            out.put("max", h.max());
            out.put("sum", h.sum());
        }
        return out;
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

    public static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Writes the CSV to {@code target} as every IOScope output is written ({@link SafeOutput}). */
    public static void export(List<ReportChannel> channels, List<ReportFrame> frames, Path target) throws IOException {
        SafeOutput.write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(channels, frames, w);
            w.flush();
        });
    }
}
