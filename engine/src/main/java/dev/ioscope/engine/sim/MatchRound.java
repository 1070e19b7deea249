package dev.ioscope.engine.sim;

import static dev.ioscope.engine.sim.JournalKind.PROBE_REFUSE;
import static dev.ioscope.engine.sim.JournalKind.SERVICE_START;
import static dev.ioscope.engine.sim.JournalKind.SERVICE_START_FAILED;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One matching round on one nub as the journal tells it: a slot per candidate (from {@code match.accept},
 * {@code match.reject}, {@code match.category-taken}), then what probe and start made of the accepted ones.
 * Probe and start events name the candidate by personality when they carry one, else by class: such an event
 * goes to the first accepted candidate of that class it has not been told yet.
 */
record MatchRound(List<Slot> slots, Map<String, String> winners) {
    enum Decision { ACCEPTED, REJECTED, CATEGORY_TAKEN }

    /** One candidate's facts, filled in event by event. */
    static final class Slot {
        final String name;
        final String ioClass;
        final String category;
        final Decision decision;
        final Integer score;
        final String reason;
        final String holder;
        final List<JournalEvent> events = new ArrayList<>();
        Integer probed;
        String probeRefusal;
        boolean probeTold;
        boolean started;
        String startFailure;

        Slot(JournalEvent e, Decision decision) {
            Map<String, String> d = e.details();
            this.name = d.getOrDefault("personality", "");
            this.ioClass = d.getOrDefault("class", "");
            this.category = d.get("category");
            this.decision = decision;
            this.score = parse(d.get("score"));
            this.reason = d.get("reason");
            this.holder = MatchVerdicts.holder(d.get("holder"), d.getOrDefault("holder-class", ""));
            events.add(e);
        }

        boolean startTold() {
            return started || startFailure != null;
        }
    }

    static MatchRound read(List<JournalEvent> round, String nub) {
        List<Slot> slots = new ArrayList<>();
        Map<String, String> winners = new LinkedHashMap<>();
        String childPrefix = nub.endsWith("/") ? nub : nub + "/";   // the root is IOService:/
        for (JournalEvent e : round) {
            boolean onNub = e.entry().equals(nub);
            boolean onClient = e.entry().startsWith(childPrefix)
                    && e.entry().indexOf('/', childPrefix.length()) < 0;
            if (onNub && e.kind() instanceof JournalKind kind) {
                switch (kind) {
                    case MATCH_ACCEPT -> slots.add(new Slot(e, Decision.ACCEPTED));
                    case MATCH_REJECT -> slots.add(new Slot(e, Decision.REJECTED));
                    case MATCH_CATEGORY_TAKEN -> slots.add(new Slot(e, Decision.CATEGORY_TAKEN));
                    case PROBE_SCORE, PROBE_FAIL, PROBE_REFUSE -> {
                        Slot s = find(slots, e, false);
                        if (s != null) {
                            s.events.add(e);
                            switch (kind) {
                                case PROBE_SCORE -> {
                                    s.probeTold = true;
                                    s.probed = parse(e.details().get("score"));
                                }
                                // a probe that threw is journaled as probe.fail, then probe.refuse
                                case PROBE_FAIL -> s.probeRefusal = e.details().getOrDefault("reason",
                                        "probe failed");
                                default -> {
                                    s.probeTold = true;
                                    if (s.probeRefusal == null) {
                                        s.probeRefusal = "probe returned no instance";
                                    }
                                }
                            }
                        }
                    }
                    default -> {
                    }
                }
            } else if (onClient && (e.kind() == SERVICE_START || e.kind() == SERVICE_START_FAILED)) {
                Slot s = find(slots, e, true);
                if (s != null) {
                    s.events.add(e);
                    if (e.kind() == SERVICE_START) {
                        s.started = true;
                        winners.putIfAbsent(s.category, s.name);
                    } else {
                        s.startFailure = e.details().getOrDefault("reason", "start failed");
                    }
                }
            }
        }
        return new MatchRound(slots, winners);
    }

    /** The accepted candidate an outcome event is about: by personality if named, else the first of its class. */
    private static Slot find(List<Slot> slots, JournalEvent e, boolean start) {
        String personality = e.details().get("personality");
        String cls = e.details().getOrDefault("class", "");
        boolean refuse = e.kind() == PROBE_REFUSE;
        for (Slot s : slots) {
            boolean told = start ? s.startTold() : s.probeTold || (s.probeRefusal != null && !refuse);
            if (s.decision != Decision.ACCEPTED || told) {
                continue;
            }
            if (personality != null ? s.name.equals(personality) : s.ioClass.equals(cls)) {
                return s;
            }
        }
        return null;
    }

    private static Integer parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException ex) {
            return null;
        }
    }
}
