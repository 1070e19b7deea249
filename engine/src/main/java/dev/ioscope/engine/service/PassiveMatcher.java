package dev.ioscope.engine.service;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * IOService::matchPassive (xnu iokit/Kernel/IOService.cpp): the generic keys (matchInternal), then the nub's
 * family matchPropertyTable with the probe score, then IOParentMatch (a nested table some provider up the
 * IOService plane must satisfy) and the dictionary form of IOLocationMatch (a nested table for the nub found by
 * matchLocation). Every decision is recorded as a {@link KeyVerdict}.
 */
public final class PassiveMatcher {
    private static final int MAX_NESTING = 32;

    private final MatchContext ctx;

    public PassiveMatcher(MatchContext ctx) {
        this.ctx = ctx;
    }

    /** The result of matchPassive: the verdict, the score family matching left, IONameMatched if any. */
    public record Outcome(boolean matched, int score, String nameMatched, List<KeyVerdict> steps) {
    }

    /**
     * @param classDone true when the caller already chose the personality by IOProviderClass
     *                  (kIOServiceClassDone, as probeCandidates passes); the key is then still explained
     */
    public Outcome matchPassive(IORegistryEntry nub, OSDictionary table, boolean classDone) {
        return matchPassive(nub, table, classDone, true);
    }

    /**
     * @param explain false to skip building the words (fast re-matching); the verdict and score are the same,
     *                and {@link MatchEngine#explain} recomputes the words for any pair on demand
     */
    public Outcome matchPassive(IORegistryEntry nub, OSDictionary table, boolean classDone, boolean explain) {
        return matchPassive(nub, table, Personality.probeScoreOf(table), classDone, explain);
    }

    /** @param tableScore the table's IOProbeScore, when the caller already knows it */
    public Outcome matchPassive(IORegistryEntry nub, OSDictionary table, int tableScore, boolean classDone,
                                boolean explain) {
        List<KeyVerdict> steps = explain ? new ArrayList<>() : null;
        int firstScore = tableScore;
        String[] nameMatched = new String[1];
        IORegistryEntry where = nub;
        OSDictionary t = table;
        boolean first = true;
        boolean match;
        int depth = 0;
        boolean matchParent = false;
        outer:
        while (true) {
            match = true;
            while (true) {
                if (++depth > MAX_NESTING) {
                    if (steps != null) steps.add(KeyVerdict.noMatch("nesting", "more than " + MAX_NESTING
                            + " nested tables"));
                    match = false;
                    break outer;
                }
                int[] done = new int[1];
                match = matchInternal(where, t, first && classDone, done, steps, first ? nameMatched : null);
                if (!match || done[0] == t.size()) {
                    if (match && first) {
                        if (steps != null) steps.add(KeyVerdict.note("family",
                                "every key was generic; no family matching needed"));
                    }
                    break;
                }
                int s = first ? tableScore : Personality.probeScoreOf(t);
                FamilyMatcher.Result fr = family(where, t, s, steps);
                if (!fr.matched()) {
                    match = false;
                    break;
                }
                if (first) {
                    firstScore = fr.score();
                }
                first = false;
                matchParent = false;   // this level matched; only a new IOParentMatch keeps climbing
                OSDictionary next = plan(t).parentMatch;
                if (next != null) {
                    match = false;
                    matchParent = true;
                    t = next;
                    if (steps != null) steps.add(KeyVerdict.note("IOParentMatch", "looking for a provider above "
                            + where.name()
                            + " that matches " + next));
                    break;
                }
                OSDictionary loc = plan(t).locationTable;
                if (loc != null) {
                    match = false;
                    IORegistryEntry p = ctx.provider(where);
                    IORegistryEntry at = p == null ? null : matchLocation(p);
                    if (at != null) {
                        if (steps != null) steps.add(KeyVerdict.note("IOLocationMatch", "checking the location nub "
                                + at.name()));
                        where = at;
                        t = loc;
                        continue;
                    }
                    if (steps != null) steps.add(KeyVerdict.noMatch("IOLocationMatch", "no provider above "
                            + where.name()
                            + " answers matchLocation (an IOPlatformDevice or IOPCIDevice)"));
                }
                break;
            }
            if (match) {
                break;
            }
            if (!matchParent) {
                break;
            }
            where = ctx.provider(where);
            if (where == null) {
                if (steps != null) steps.add(KeyVerdict.noMatch("IOParentMatch", "no provider up to the root matches"));
                break;
            }
        }
        return new Outcome(match, match ? firstScore : tableScore, nameMatched[0],
                steps == null ? List.of() : steps);
    }

    /**
     * IOService::matchLocation: a plain IOService asks its provider; IOPlatformDevice and IOPCIDevice answer
     * with themselves (they define a location).
     */
    IORegistryEntry matchLocation(IORegistryEntry e) {
        for (IORegistryEntry x = e; x != null; x = ctx.provider(x)) {
            if (ctx.conformsTo(x, "IOPlatformDevice") || ctx.conformsTo(x, "IOPCIDevice")) {
                return x;
            }
        }
        return null;
    }

    private FamilyMatcher.Result family(IORegistryEntry where, OSDictionary t, int score, List<KeyVerdict> steps) {
        info(where);
        if (infoFamily != null) {
            return infoFamily.matchPropertyTable(where, t, score, ctx, steps);
        }
        return new FamilyMatcher.Result(true, score);  // IOService::matchPropertyTable: no opinion
    }

    /** IOService::matchInternal: the generic keys, in XNU's order. Counts the keys it handled in done[0]. */
    boolean matchInternal(IORegistryEntry nub, OSDictionary t, boolean classDone, int[] done,
                          List<KeyVerdict> steps, String[] nameMatched) {
        // The generic keys of a table are found once per table (OSDictionary is immutable) and reused for every
        // nub: a full re-match meets each personality thousands of times.
        KeyPlan plan = plan(t);
        OSObject providerClass = plan.providerClass;
        OSObject nameMatch = plan.nameMatch;
        OSObject location = plan.location;
        OSObject propertyMatch = plan.propertyMatch;
        OSObject existsMatch = plan.existsMatch;
        OSObject pathMatch = plan.pathMatch;
        OSObject entryId = plan.entryId;
        OSObject serviceCount = plan.serviceCount;
        OSObject resourceMatch = plan.resourceMatch;
        OSObject debug = plan.debug;
        boolean bsd = plan.bsd;
        boolean match = true;
        OSObject o;
        if (providerClass instanceof OSString pc) {
            done[0]++;
            // With kIOServiceClassDone the answer is known; only an explanation needs the conformance itself.
            boolean conforms = (classDone && steps == null) || ctx.conformsTo(nub, pc.value());
            boolean ok = classDone || conforms;
            if (steps != null) {
                steps.add(KeyVerdict.of(ok, "IOProviderClass " + pc.value(), nub.name() + " is a "
                        + nub.className() + (conforms ? (nub.className().equals(pc.value()) ? ""
                        : ", a subclass of " + pc.value()) : ", which does not conform to " + pc.value()
                        + (ctx.classes().knows(nub.className()) ? "" : " as far as the class catalogue knows"))));
            }
            match = ok;
        }
        if ((o = nameMatch) != null) {
            done[0]++;
            boolean dt = deviceTreeNames(nub);
            NameMatching.Result r = NameMatching.compareNames(nub, o, dt ? infoDtLists : null);
            if (r != null && nameMatched != null) {
                nameMatched[0] = r.matched();
            }
            if (steps != null) {
                steps.add(KeyVerdict.of(r != null, "IONameMatch " + String.join(" ", NameMatching.names(o)),
                        r != null ? "\"" + r.matched() + "\" matches " + r.where()
                        : "none matches the name \"" + nub.name() + "\"" + (dt ? " or its name/compatible/"
                        + "device_type/model properties " + dtNames(nub) : "")));
            }
            match &= r != null;
        }
        if (location instanceof OSString loc) {
            done[0]++;
            String have = nub.location();
            boolean ok = have != null && have.equals(loc.value());
            if (steps != null) {
                steps.add(KeyVerdict.of(ok, "IOLocationMatch " + loc.value(), "the location is "
                        + (have == null ? "not set" : "\"" + have + "\"")));
            }
            match &= ok;
        }
        if (propertyMatch != null) {
            done[0]++;
            match &= PropertyMatching.propertyMatch(nub, propertyMatch, steps);
        }
        if (existsMatch != null) {
            done[0]++;
            match &= PropertyMatching.propertyExists(nub, existsMatch, steps);
        }
        if (pathMatch instanceof OSString path) {
            done[0]++;
            boolean ok = PropertyMatching.pathMatches(ctx, nub, path.value());
            if (steps != null) {
                steps.add(KeyVerdict.of(ok, "IOPathMatch " + path.value(), ok ? "names this entry"
                        : "this entry is " + ctx.path(nub)));
            }
            match &= ok;
        }
        if (entryId instanceof OSNumber id) {
            done[0]++;
            boolean ok = nub.registryEntryID() == id.value();
            if (steps != null) {
                steps.add(KeyVerdict.of(ok, "IORegistryEntryID 0x" + Long.toHexString(id.value()),
                        "this entry is 0x" + Long.toHexString(nub.registryEntryID())));
            }
            match &= ok;
        }
        if (serviceCount instanceof OSNumber count) {
            done[0]++;
            int n = MatchEngine.matchedClients(ctx, nub);
            boolean ok = n == (int) count.value();
            if (steps != null) {
                steps.add(KeyVerdict.of(ok, "IOMatchedServiceCount " + count.value(), "it has " + n
                        + " matched driver(s)"));
            }
            match &= ok;
        }
        if (bsd) {
            for (String key : List.of("BSD Name", "BSD Major", "BSD Minor", "BSD Unit")) {
                if ((o = t.get(key)) != null) {
                    done[0]++;
                    OSObject have = nub.property(key);
                    boolean ok = have != null && o.isEqualTo(have);
                    if (steps != null) {
                        steps.add(KeyVerdict.of(ok, key + " " + o, "the entry's is "
                                + (have == null ? "absent" : have)));
                    }
                    match &= ok;
                }
            }
        }
        if (steps != null && resourceMatch != null && !ctx.conformsTo(nub, "IOResources")
                && !ctx.conformsTo(nub, "IOUserResources")) {
            steps.add(PropertyMatching.resourceWait(ctx, resourceMatch));
        }
        if (steps != null && debug instanceof OSNumber dbg) {
            steps.add(KeyVerdict.note("IOKitDebug 0x" + Long.toHexString(dbg.value()),
                    IOKitDebug.describe(dbg.value())));
        }
        return match;
    }

    /** The generic keys of one matching table, found in one pass over its keys. */
    static final class KeyPlan {
        OSObject providerClass;
        OSObject nameMatch;
        OSObject location;
        OSObject propertyMatch;
        OSObject existsMatch;
        OSObject pathMatch;
        OSObject entryId;
        OSObject serviceCount;
        OSObject resourceMatch;
        OSObject debug;
        boolean bsd;
        OSDictionary parentMatch;
        OSDictionary locationTable;

        KeyPlan(OSDictionary t) {
            for (int i = 0, n = t.size(); i < n; i++) {
                String key = t.keyAt(i);
                switch (key) {
                    case Personality.IO_PROVIDER_CLASS -> providerClass = t.valueAt(i);
                    case "IONameMatch" -> nameMatch = t.valueAt(i);
                    case "IOLocationMatch" -> location = t.valueAt(i);
                    case "IOPropertyMatch" -> propertyMatch = t.valueAt(i);
                    case "IOPropertyExistsMatch" -> existsMatch = t.valueAt(i);
                    case "IOPathMatch" -> pathMatch = t.valueAt(i);
                    case "IORegistryEntryID" -> entryId = t.valueAt(i);
                    case "IOMatchedServiceCount" -> serviceCount = t.valueAt(i);
                    case "IOResourceMatch" -> resourceMatch = t.valueAt(i);
                    case "IOKitDebug" -> debug = t.valueAt(i);
                    case "BSD Name", "BSD Major", "BSD Minor", "BSD Unit" -> bsd = true;
                    default -> {
                        // not a generic key: left for the family
                    }
                }
            }
            parentMatch = t.get("IOParentMatch") instanceof OSDictionary d ? d : null;
            locationTable = location instanceof OSDictionary d ? d : null;
        }
    }

    KeyPlan plan(OSDictionary t) {
        return TablePlans.of(t).generic;
    }

    /** Per-nub facts matching asks for every candidate, kept for the last nub seen. */
    private IORegistryEntry infoNub;
    private boolean infoDt;
    private FamilyMatcher infoFamily;
    private List<List<String>> infoDtLists;

    private void info(IORegistryEntry nub) {
        if (infoNub != nub) {
            infoDt = ctx.conformsTo(nub, "IOPlatformDevice") || ctx.conformsTo(nub, "IOPCIDevice");
            infoDtLists = infoDt ? NameMatching.dtLists(nub) : null;
            infoFamily = null;
            for (FamilyMatcher f : ctx.families()) {
                if (f.appliesTo(nub, ctx)) {
                    infoFamily = f;
                    break;
                }
            }
            infoNub = nub;
        }
    }

    /** IOPlatformDevice and IOPCIDevice nubs compare names by the device-tree rules. */
    private boolean deviceTreeNames(IORegistryEntry nub) {
        info(nub);
        return infoDt;
    }

    private static String dtNames(IORegistryEntry nub) {
        List<String> all = new ArrayList<>();
        for (String k : NameMatching.DT_KEYS) {
            all.addAll(NameMatching.strings(nub.property(k)));
        }
        return all.toString();
    }
}
