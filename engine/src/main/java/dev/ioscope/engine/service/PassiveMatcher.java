package dev.ioscope.engine.service;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.family.FamilyMatcher;

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
        List<KeyVerdict> steps = new ArrayList<>();
        int score = Personality.probeScoreOf(table);
        int firstScore = score;
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
                    steps.add(KeyVerdict.noMatch("nesting", "more than " + MAX_NESTING + " nested tables"));
                    match = false;
                    break outer;
                }
                int[] done = new int[1];
                match = matchInternal(where, t, first && classDone, done, steps, first ? nameMatched : null);
                if (!match || done[0] == t.size()) {
                    if (match && first) {
                        steps.add(KeyVerdict.note("family", "every key was generic; no family matching needed"));
                    }
                    break;
                }
                int s = Personality.probeScoreOf(t);
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
                if (t.get("IOParentMatch") instanceof OSDictionary next) {
                    match = false;
                    matchParent = true;
                    t = next;
                    steps.add(KeyVerdict.note("IOParentMatch", "looking for a provider above " + where.name()
                            + " that matches " + next));
                    break;
                }
                if (t.get("IOLocationMatch") instanceof OSDictionary loc) {
                    match = false;
                    IORegistryEntry p = ctx.provider(where);
                    IORegistryEntry at = p == null ? null : matchLocation(p);
                    if (at != null) {
                        steps.add(KeyVerdict.note("IOLocationMatch", "checking the location nub " + at.name()));
                        where = at;
                        t = loc;
                        continue;
                    }
                    steps.add(KeyVerdict.noMatch("IOLocationMatch", "no provider above " + where.name()
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
                steps.add(KeyVerdict.noMatch("IOParentMatch", "no provider up to the root matches"));
                break;
            }
        }
        return new Outcome(match, match ? firstScore : Personality.probeScoreOf(table), nameMatched[0], steps);
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
        for (FamilyMatcher f : ctx.families()) {
            if (f.appliesTo(where, ctx)) {
                return f.matchPropertyTable(where, t, score, ctx, steps);
            }
        }
        return new FamilyMatcher.Result(true, score);  // IOService::matchPropertyTable: no opinion
    }

    /** IOService::matchInternal: the generic keys, in XNU's order. Counts the keys it handled in done[0]. */
    boolean matchInternal(IORegistryEntry nub, OSDictionary t, boolean classDone, int[] done,
                          List<KeyVerdict> steps, String[] nameMatched) {
        boolean match = true;
        OSObject o = t.get(Personality.IO_PROVIDER_CLASS);
        if (o instanceof OSString pc) {
            done[0]++;
            boolean conforms = ctx.conformsTo(nub, pc.value());
            boolean ok = classDone || conforms;
            steps.add(KeyVerdict.of(ok, "IOProviderClass " + pc.value(), nub.name() + " is a " + nub.className()
                    + (conforms ? (nub.className().equals(pc.value()) ? "" : ", a subclass of " + pc.value())
                    : ", which does not conform to " + pc.value()
                    + (ctx.classes().knows(nub.className()) ? "" : " as far as the class catalogue knows"))));
            match = ok;
        }
        if ((o = t.get("IONameMatch")) != null) {
            done[0]++;
            boolean dt = ctx.conformsTo(nub, "IOPlatformDevice") || ctx.conformsTo(nub, "IOPCIDevice");
            NameMatching.Result r = NameMatching.compareNames(nub, o, dt);
            if (r != null && nameMatched != null) {
                nameMatched[0] = r.matched();
            }
            steps.add(KeyVerdict.of(r != null, "IONameMatch " + String.join(" ", NameMatching.names(o)), r != null
                    ? "\"" + r.matched() + "\" matches " + r.where()
                    : "none matches the name \"" + nub.name() + "\"" + (dt ? " or its name/compatible/device_type/"
                    + "model properties " + dtNames(nub) : "")));
            match &= r != null;
        }
        if (t.get("IOLocationMatch") instanceof OSString loc) {
            done[0]++;
            String have = nub.location();
            boolean ok = have != null && have.equals(loc.value());
            steps.add(KeyVerdict.of(ok, "IOLocationMatch " + loc.value(), "the location is "
                    + (have == null ? "not set" : "\"" + have + "\"")));
            match &= ok;
        }
        if ((o = t.get("IOPropertyMatch")) != null) {
            done[0]++;
            match &= PropertyMatching.propertyMatch(nub, o, steps);
        }
        if ((o = t.get("IOPropertyExistsMatch")) != null) {
            done[0]++;
            match &= PropertyMatching.propertyExists(nub, o, steps);
        }
        if (t.get("IOPathMatch") instanceof OSString path) {
            done[0]++;
            boolean ok = PropertyMatching.pathMatches(ctx, nub, path.value());
            steps.add(KeyVerdict.of(ok, "IOPathMatch " + path.value(), ok ? "names this entry"
                    : "this entry is " + ctx.path(nub)));
            match &= ok;
        }
        if (t.get("IORegistryEntryID") instanceof OSNumber id) {
            done[0]++;
            boolean ok = nub.registryEntryID() == id.value();
            steps.add(KeyVerdict.of(ok, "IORegistryEntryID 0x" + Long.toHexString(id.value()),
                    "this entry is 0x" + Long.toHexString(nub.registryEntryID())));
            match &= ok;
        }
        if (t.get("IOMatchedServiceCount") instanceof OSNumber count) {
            done[0]++;
            int n = MatchEngine.matchedClients(ctx, nub);
            boolean ok = n == (int) count.value();
            steps.add(KeyVerdict.of(ok, "IOMatchedServiceCount " + count.value(), "it has " + n
                    + " matched driver(s)"));
            match &= ok;
        }
        for (String key : List.of("BSD Name", "BSD Major", "BSD Minor", "BSD Unit")) {
            if ((o = t.get(key)) != null) {
                done[0]++;
                OSObject have = nub.property(key);
                boolean ok = have != null && o.isEqualTo(have);
                steps.add(KeyVerdict.of(ok, key + " " + o, "the entry's is " + (have == null ? "absent" : have)));
                match &= ok;
            }
        }
        if ((o = t.get("IOResourceMatch")) != null && !ctx.conformsTo(nub, "IOResources")) {
            steps.add(PropertyMatching.resourceWait(ctx, o));
        }
        if (t.get("IOKitDebug") instanceof OSNumber dbg) {
            steps.add(KeyVerdict.note("IOKitDebug 0x" + Long.toHexString(dbg.value()), IOKitDebug.describe(dbg.value())));
        }
        return match;
    }

    private static String dtNames(IORegistryEntry nub) {
        List<String> all = new ArrayList<>();
        for (String k : NameMatching.DT_KEYS) {
            all.addAll(NameMatching.strings(nub.property(k)));
        }
        return all.toString();
    }
}
