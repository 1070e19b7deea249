package dev.ioscope.engine.trace;


import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.JournalKind;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A journal as Chrome trace-event JSON (the "JSON Object Format" that ui.perfetto.dev and chrome://tracing open):
 * one process for the machine, one thread track per registry entry (in order of first appearance; track 0 holds
 * events about no entry), and
 * <ul>
 * <li>every journal event as an instant event ({@code "ph":"i"}, thread scope) named by its kind, with its details,
 * sequence number and entry path as arguments — nothing of the journal is left out;</li>
 * <li>power changes as complete slices ({@code "ph":"X"}) from {@code power.change-begin} to its
 * {@code power.change-end}, on the service's track;</li>
 * <li>matching as complete slices from {@code match.begin} to {@code service.matched} (or the nub's last matching
 * or probe event before its next round), on the nub's track;</li>
 * <li>each driver's life as an async slice ({@code "b"}/{@code "e"}) from {@code service.start} to
 * {@code service.stop}, closed at the end of the trace when it is still running;</li>
 * <li>IOReport channels as counter tracks ({@code "ph":"C"}).</li>
 * </ul>
 * Timestamps are virtual time in microseconds with nanosecond decimals.
 */
public final class ChromeTrace {
    static final int PID = 1;

    private final Map<String, Integer> tracks = new LinkedHashMap<>();
    private final List<Event> events = new ArrayList<>();

    /** One trace event before writing, with the order it is written in. */
    private record Event(long t, long order, String ph, String name, String cat, int tid, long dur, Long id,
            Map<String, String> args, Long counter) {
    }

    private ChromeTrace() {
    }

    /** Writes the trace of {@code journal} and {@code counters} as one JSON object. */
    public static void write(String title, List<JournalEvent> journal, List<CounterSample> counters,
            OutputStream out) throws IOException {
        ChromeTrace trace = new ChromeTrace();
        trace.tracks.put("", 0);
        trace.collect(journal, counters);
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            trace.write(title, g);
        }
    }

    private int track(String entry) {
        return tracks.computeIfAbsent(entry, k -> tracks.size());
    }

    private void collect(List<JournalEvent> journal, List<CounterSample> counters) {
        Map<String, Deque<JournalEvent>> power = new HashMap<>();
        Map<String, JournalEvent> matching = new HashMap<>();
        Map<String, Long> lastMatching = new HashMap<>();
        Map<String, JournalEvent> running = new LinkedHashMap<>();
        long end = 0;
        for (JournalEvent e : journal) {
            end = Math.max(end, e.t());
            int tid = track(e.entry());
            Map<String, String> args = new LinkedHashMap<>(e.details());
            args.put("seq", Long.toString(e.seq()));
            if (!e.entry().isEmpty()) {
                args.put("entry", e.entry());
            }
            events.add(new Event(e.t(), e.seq() * 4 + 1, "i", e.kind().id(), e.kind().family(), tid, 0, null, args,
                    null));
            if (!(e.kind() instanceof JournalKind kind)) {
                continue;   // a plugin's own kinds are instants only (their families are their own)
            }
            switch (kind) {
                case POWER_CHANGE_BEGIN -> power.computeIfAbsent(e.entry(), k -> new ArrayDeque<>()).push(e);
                case POWER_CHANGE_END -> {
                    Deque<JournalEvent> open = power.get(e.entry());
                    if (open != null && !open.isEmpty()) {
                        JournalEvent b = open.pop();
                        slice(b, e.t(), "power " + b.details().getOrDefault("from", "?") + " → "
                                + b.details().getOrDefault("to", "?"), "power", tid);
                    }
                }
                case MATCH_BEGIN -> {
                    closeMatching(e.entry(), matching, lastMatching);
                    matching.put(e.entry(), e);
                    lastMatching.put(e.entry(), e.t());
                }
                case SERVICE_MATCHED -> {
                    lastMatching.put(e.entry(), e.t());
                    closeMatching(e.entry(), matching, lastMatching);
                }
                case SERVICE_START -> running.put(e.entry(), e);
                case SERVICE_STOP -> {
                    JournalEvent b = running.remove(e.entry());
                    if (b != null) {
                        lifetime(b, e.t(), e.seq());
                    }
                }
                default -> {
                    if (e.kind().in(JournalKind.MATCH) || e.kind().in(JournalKind.PROBE)) {
                        lastMatching.computeIfPresent(e.entry(), (k, v) -> e.t());
                    }
                }
            }
        }
        for (String nub : List.copyOf(matching.keySet())) {
            closeMatching(nub, matching, lastMatching);
        }
        long last = end;
        running.values().forEach(b -> lifetime(b, last, Long.MAX_VALUE / 8));
        long order = (long) journal.size() * 4;
        for (CounterSample c : counters) {
            events.add(new Event(c.t(), order++, "C", c.track(), "ioreport", 0, 0, null, Map.of(), c.value()));
        }
    }

    private void closeMatching(String nub, Map<String, JournalEvent> open, Map<String, Long> lastMatching) {
        JournalEvent b = open.remove(nub);
        if (b != null) {
            slice(b, lastMatching.getOrDefault(nub, b.t()), "matching", "match", track(nub));
        }
    }

    private void slice(JournalEvent begin, long endT, String name, String cat, int tid) {
        Map<String, String> args = new LinkedHashMap<>(begin.details());
        args.put("seq", Long.toString(begin.seq()));
        events.add(new Event(begin.t(), begin.seq() * 4, "X", name, cat, tid, Math.max(0, endT - begin.t()), null,
                args, null));
    }

    private void lifetime(JournalEvent start, long endT, long endSeq) {
        int tid = track(start.entry());
        String name = start.details().getOrDefault("class", "service");
        Map<String, String> args = new LinkedHashMap<>(start.details());
        args.put("entry", start.entry());
        events.add(new Event(start.t(), start.seq() * 4, "b", name, "service", tid, 0, (long) tid, args, null));
        events.add(new Event(endT, endSeq * 4 + 2, "e", name, "service", tid, 0, (long) tid, Map.of(), null));
    }


    private void write(String title, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("displayTimeUnit", "ns");
        g.writeObjectFieldStart("otherData");
        g.writeStringField("generator", "IOScope");
        g.writeStringField("title", title);
        g.writeStringField("clock", "virtual time");
        g.writeEndObject();
        g.writeArrayFieldStart("traceEvents");
        metadata(g, "process_name", 0, "name", "IOScope: " + title);
        for (Map.Entry<String, Integer> t : tracks.entrySet()) {
            String path = t.getKey();
            String label = path.isEmpty() ? "(machine)" : path.substring(path.lastIndexOf('/') + 1);
            metadata(g, "thread_name", t.getValue(), "name", label);
            metadata(g, "thread_sort_index", t.getValue(), "sort_index", t.getValue());
        }
        events.sort(Comparator.comparingLong(Event::t).thenComparingLong(Event::order));
        for (Event e : events) {
            g.writeStartObject();
            g.writeStringField("name", e.name());
            g.writeStringField("cat", e.cat());
            g.writeStringField("ph", e.ph());
            g.writeFieldName("ts");
            g.writeNumber(micros(e.t()));
            if (e.ph().equals("X")) {
                g.writeFieldName("dur");
                g.writeNumber(micros(e.dur()));
            }
            g.writeNumberField("pid", PID);
            g.writeNumberField("tid", e.tid());
            if (e.ph().equals("i")) {
                g.writeStringField("s", "t");
            }
            if (e.id() != null) {
                g.writeStringField("id", "0x" + Long.toHexString(e.id()));
            }
            g.writeObjectFieldStart("args");
            if (e.counter() != null) {
                g.writeNumberField("value", e.counter());
            }
            for (Map.Entry<String, String> a : e.args().entrySet()) {
                g.writeStringField(a.getKey(), a.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void metadata(JsonGenerator g, String name, int tid, String key, Object value) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("ph", "M");
        g.writeNumberField("pid", PID);
        g.writeNumberField("tid", tid);
        g.writeObjectFieldStart("args");
        if (value instanceof Integer i) {
            g.writeNumberField(key, i);
        } else {
            g.writeStringField(key, value.toString());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** ns as µs with three decimals, written plainly (no exponent). */
    static String micros(long ns) {
        long abs = Math.abs(ns);
        String s = (abs / 1000) + "." + String.format("%03d", abs % 1000);
        return ns < 0 ? "-" + s : s;
    }
}
