package dev.ioscope.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.json.JsonDocuments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conformance folder's {@code expect.json}: the rule, the XNU source that gives the facts, the facts (journal
 * events by kind and the given fields only, never wording), whether they must appear in that order, and facts that
 * must not appear at all.
 *
 * @param rule   the rule id of docs/iokit-rules.md
 * @param source the XNU file and function, e.g. {@code IOService.cpp: IOService::probeCandidates}
 * @param facts  facts that must appear
 * @param order  {@link Order#SEQUENCE}: in this order (not necessarily adjacent); {@link Order#ANY}: anywhere
 * @param absent facts no event may match
 */
record Expectation(String rule, String source, List<Fact> facts, Order order, List<Fact> absent) {
    enum Order { SEQUENCE, ANY }

    /**
     * One fact: the event kind and fields, each compared as text: {@code entry} (the event's IOService path),
     * {@code t} (virtual ns), anything else a detail of the event.
     */
    record Fact(String kind, Map<String, String> fields) {
        boolean matches(JournalEvent e) {
            if (!kind.equals(e.kind().id())) {
                return false;
            }
            for (Map.Entry<String, String> f : fields.entrySet()) {
                String actual = switch (f.getKey()) {
                    case "entry" -> e.entry();
                    case "t" -> String.valueOf(e.t());
                    default -> e.details().get(f.getKey());
                };
                if (!f.getValue().equals(actual)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return kind + " " + fields;
        }
    }

    static Expectation read(Path file) throws SnapshotException {
        String name = file.toString();
        JsonNode root = JsonDocuments.readObject(file, "a conformance expectation");
        String rule = text(root, "rule", name);
        String source = text(root, "source", name);
        String order = root.path("order").asText("sequence");
        if (!order.equals("sequence") && !order.equals("any")) {
            throw new SnapshotException(name, "order", "\"order\" is \"sequence\" or \"any\", not \"" + order + "\"");
        }
        List<Fact> facts = facts(root, "facts", name);
        if (facts.isEmpty()) {
            throw new SnapshotException(name, "facts", "at least one fact is expected");
        }
        return new Expectation(rule, source, facts, order.equals("any") ? Order.ANY : Order.SEQUENCE,
                facts(root, "absent", name));
    }

    /** What is wrong with the journal against this expectation; empty when it conforms. */
    List<String> check(List<JournalEvent> journal) {
        List<String> problems = new ArrayList<>();
        int from = 0;
        for (Fact f : facts) {
            int at = -1;
            for (int i = order == Order.SEQUENCE ? from : 0; i < journal.size() && at < 0; i++) {
                if (f.matches(journal.get(i))) {
                    at = i;
                }
            }
            if (at < 0) {
                problems.add("missing" + (order == Order.SEQUENCE && from > 0 ? " after event #" + (from - 1) : "")
                        + ": " + f);
            } else if (order == Order.SEQUENCE) {
                from = at + 1;
            }
        }
        for (Fact f : absent) {
            journal.stream().filter(f::matches).findFirst()
                    .ifPresent(e -> problems.add("present but must be absent: " + f + " — " + e.line()));
        }
        return problems;
    }

    private static String text(JsonNode root, String key, String name) throws SnapshotException {
        JsonNode n = root.get(key);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new SnapshotException(name, key, "\"" + key + "\" must be a non-empty string");
        }
        return n.asText();
    }

    private static List<Fact> facts(JsonNode root, String key, String name) throws SnapshotException {
        List<Fact> out = new ArrayList<>();
        JsonNode list = root.path(key);
        if (!list.isMissingNode() && !list.isArray()) {
            throw new SnapshotException(name, key, "\"" + key + "\" must be an array of facts");
        }
        int i = 0;
        for (JsonNode f : list) {
            String place = key + "[" + i++ + "]";
            if (!f.isObject() || !f.path("kind").isTextual()) {
                throw new SnapshotException(name, place, "a fact is an object with a \"kind\"");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getKey().equals("kind")) {
                    if (!e.getValue().isValueNode()) {
                        throw new SnapshotException(name, place + "." + e.getKey(),
                                "a fact's field is a string or number");
                    }
                    fields.put(e.getKey(), e.getValue().asText());
                }
            }
            out.add(new Fact(f.get("kind").asText(), fields));
        }
        return out;
    }
}
