package dev.ioscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.service.IOCatalogue;
import dev.ioscope.engine.service.KeyVerdict;
import dev.ioscope.engine.service.MatchContext;
import dev.ioscope.engine.service.MatchEngine;
import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.service.ProviderMatch;
import dev.ioscope.engine.service.RematchCheck;
import dev.ioscope.engine.service.driverkit.MatchedPersonalities;
import dev.ioscope.engine.service.family.FamilyMatchers;
import dev.ioscope.engine.service.kext.KextBundle;
import dev.ioscope.engine.service.kext.KextLoader;
import dev.ioscope.engine.sim.CandidateVerdict;
import dev.ioscope.engine.sim.MatchVerdicts;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.codecs.Snapshots;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ioscope match SNAPSHOT [--kexts PATH...] [--kexts-from-snapshot] [--provider PATH] [--explain] [--json]
 * [--strip]}: runs the personalities of real kexts and dexts (or those a snapshot's dext services keep) against
 * the nubs of a snapshot, as IOService::probeCandidates would, and prints the ranked candidates, their verdicts
 * and the winner of each match category.
 */
@Command(name = "match",
        customSynopsis = "ioscope match SNAPSHOT [--kexts PATH...] [--kexts-from-snapshot] [--provider PATH]... "
                + "[--explain] [--json] [--strip]",
        description = {"Match kext and dext personalities against a snapshot's nubs, with the reasons.",
                "Needs --kexts, --kexts-from-snapshot or both."})
final class MatchCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "SNAPSHOT", description = "The snapshot whose nubs are matched.")
    String snapshot;

    @Option(names = "--kexts", paramLabel = "PATH", arity = "1..*",
            description = ".kext and .dext bundles, Info.plist files, or folders holding them.")
    List<Path> kexts = new ArrayList<>();

    @Option(names = "--kexts-from-snapshot", description = {"Also the personalities the snapshot's dext services "
            + "keep in IOMatchedPersonality (macOS 11+ registries)."})
    boolean kextsFromSnapshot;

    @Option(names = "--provider", paramLabel = "PATH", description = "Only this nub (an IOService path such as "
            + "IOService:/IOResources); repeatable.")
    List<String> providers = new ArrayList<>();

    @Option(names = "--explain", description = "Every key of every candidate, in words.")
    boolean explain;

    @Option(names = "--json", description = "The result as JSON (see docs/cli.md).")
    boolean json;

    @Option(names = "--strip", description = {"First treat the drivers the snapshot shows (of classes the kexts name) "
            + "as absent, re-match, and report whether the same classes land on the same nubs."})
    boolean strip;

    private final PrintStream out;
    private final PrintStream err;

    MatchCommand(Streams io) {
        this.out = io.out();
        this.err = io.err();
    }

    private record Options(String snapshot, List<Path> kexts, List<String> providers, boolean explain,
                           boolean json, boolean strip, boolean fromSnapshot) {
    }

    @Override
    public Integer call() throws Exception {
        if (kexts.isEmpty() && !kextsFromSnapshot) {
            throw new UsageException("no kexts given (--kexts PATH... or --kexts-from-snapshot)");
        }
        Options o = new Options(snapshot, kexts, providers, explain, json, strip, kextsFromSnapshot);
        Snapshot s = SnapshotOutput.warn(Snapshots.load(Path.of(o.snapshot())), err);
        IOCatalogue catalogue = new IOCatalogue();
        KextLoader loader = new KextLoader();
        for (KextBundle b : loader.load(o.kexts())) {
            catalogue.addKext(b);
        }
        for (String w : loader.warnings()) {
            err.println("warning: " + w);   // links out of a --kexts folder, bounds reached
        }
        int fromSnapshot = 0;
        if (o.fromSnapshot()) {
            List<Personality> recovered = MatchedPersonalities.of(s.registry());
            recovered.forEach(catalogue::add);
            fromSnapshot = recovered.size();
        }
        MatchContext ctx = FamilyMatchers.standardContext(s.registry());
        List<ProviderMatch> matches = new ArrayList<>();
        RematchCheck.Result check = null;
        if (o.strip()) {
            check = RematchCheck.run(catalogue, ctx, matches);
        } else {
            matches.addAll(new MatchEngine(catalogue, ctx).matchAll());
        }
        if (!o.providers().isEmpty()) {
            matches = select(s, ctx, catalogue, matches, o.providers());
        }
        if (o.json()) {
            writeJson(out, o, catalogue, ctx, matches, check, fromSnapshot);
        } else {
            for (String w : catalogue.warnings()) {
                err.println("warning: " + w);
            }
            writeText(out, o, catalogue, ctx, matches, check, fromSnapshot);
        }
        return ExitCodes.OK;
    }

    /** Keeps the named providers; a named nub without candidates still gets an (empty) entry. */
    private static List<ProviderMatch> select(Snapshot s, MatchContext ctx, IOCatalogue catalogue,
                                              List<ProviderMatch> all, List<String> paths) throws UsageException {
        List<ProviderMatch> out = new ArrayList<>();
        IORegistryPlane plane = s.registry().plane(IORegistryPlane.IOSERVICE);
        for (String p : paths) {
            IORegistryEntry e = RegistryPath.fromPath(s.registry(), p.contains(":") ? p : "IOService:" + p, plane)
                    .orElseThrow(() -> new UsageException("no entry at " + p + " in the IOService plane"));
            ProviderMatch found = all.stream().filter(m -> m.provider() == e).findFirst()
                    .orElseGet(() -> new MatchEngine(catalogue, ctx).match(e));
            out.add(found);
        }
        return out;
    }

    private static void writeText(PrintStream out, Options o, IOCatalogue catalogue, MatchContext ctx,
                                  List<ProviderMatch> matches, RematchCheck.Result check, int fromSnapshot) {
        MatchEngine verdicts = new MatchEngine(catalogue, ctx);
        out.printf("%d personalities from %d kext path(s)%s; %d provider(s) with candidates%n", catalogue.size(),
                o.kexts().size(), o.fromSnapshot() ? " and " + fromSnapshot + " from the snapshot's "
                        + "IOMatchedPersonality values" : "", matches.size());
        for (ProviderMatch pm : matches) {
            boolean any = pm.candidates().stream().anyMatch(MatchingTrace::passiveMatch);
            if (!any && !o.explain() && o.providers().isEmpty()) {
                continue;   // only rejections here; --explain or --provider shows them
            }
            out.println();
            out.println(pm.path() + "  <class " + pm.provider().className() + ">");
            int rejected = 0;
            for (CandidateVerdict v : MatchVerdicts.of(pm, verdicts)) {
                if (v.kind() == CandidateVerdict.Kind.REJECTED && !o.explain()) {
                    rejected++;
                    continue;
                }
                MatchingTrace t = v.trace();
                Personality p = t.personality();
                out.printf("  %-16s %6d  %-28s %s / %s  [%s]%n", v.kind().id(), v.score(), p.ioClass(),
                        p.bundle(), p.name(), p.category());
                if (v.kind() != CandidateVerdict.Kind.WINNER) {
                    out.println("      → " + v.words() + (v.detail() == null || v.kind()
                            == CandidateVerdict.Kind.REJECTED ? "" : ": " + v.detail()));
                }
                for (var k : t.keySteps()) {
                    if (o.explain() || k.outcome() == KeyVerdict.Outcome.NO_MATCH) {
                        out.println("      " + k.describe());
                    }
                }
            }
            if (rejected > 0) {
                out.printf("  (%d rejected candidate(s); --explain shows why)%n", rejected);
            }
            for (Map.Entry<String, MatchingTrace> w : pm.winners().entrySet()) {
                out.printf("  winner in %s: %s (%s)%n", w.getKey(), w.getValue().personality().ioClass(),
                        w.getValue().personality().name());
            }
        }
        if (check != null) {
            out.println();
            out.printf("strip: %d driver(s) the snapshot shows; re-matching put back %d (agreement %.1f%%)%n",
                    check.expected().size(), check.agreed().size(), 100 * check.agreement());
            for (RematchCheck.Attachment a : check.missing()) {
                String pub = RematchCheck.publisher(ctx, a);
                out.println("  missing: " + a + (pub == null ? "" : " (matched in the snapshot with a personality of "
                        + pub + ")"));
            }
            for (RematchCheck.Attachment a : check.extra()) {
                out.println("  extra:   " + a);
            }
        }
    }

    private static void writeJson(PrintStream out, Options o, IOCatalogue catalogue, MatchContext ctx,
                                  List<ProviderMatch> matches, RematchCheck.Result check, int fromSnapshot)
            throws IOException {
        MatchEngine verdicts = new MatchEngine(catalogue, ctx);
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("snapshot", o.snapshot());
        g.writeNumberField("personalities", catalogue.size());
        if (o.fromSnapshot()) {
            g.writeNumberField("fromSnapshot", fromSnapshot);
        }
        g.writeArrayFieldStart("warnings");
        for (String w : catalogue.warnings()) {
            g.writeString(w);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("providers");
        for (ProviderMatch pm : matches) {
            g.writeStartObject();
            g.writeStringField("path", pm.path());
            g.writeStringField("class", pm.provider().className());
            g.writeStringField("id", "0x" + Long.toHexString(pm.provider().registryEntryID()));
            g.writeArrayFieldStart("candidates");
            for (CandidateVerdict v : MatchVerdicts.of(pm, verdicts)) {
                MatchingTrace t = v.trace();
                g.writeStartObject();
                personality(g, t.personality());
                g.writeStringField("category", t.personality().category());
                g.writeNumberField("score", v.score());
                g.writeBooleanField("matched", t.passiveMatch());
                g.writeStringField("verdict", v.kind().id());
                g.writeStringField("words", v.words());
                if (v.by() != null) {
                    g.writeStringField("by", v.by());
                }
                if (v.key() != null) {
                    g.writeStringField("key", v.key());
                }
                if (v.detail() != null) {
                    g.writeStringField("detail", v.detail());
                }
                g.writeArrayFieldStart("reasons");
                for (KeyVerdict k : t.keySteps()) {
                    if (k.outcome() == KeyVerdict.Outcome.NO_MATCH) {
                        g.writeString(k.describe());
                    }
                }
                g.writeEndArray();
                if (o.explain()) {
                    g.writeArrayFieldStart("explanation");
                    for (KeyVerdict k : t.keySteps()) {
                        g.writeString(k.describe());
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("winners");
            for (Map.Entry<String, MatchingTrace> w : pm.winners().entrySet()) {
                g.writeObjectFieldStart(w.getKey());
                personality(g, w.getValue().personality());
                g.writeNumberField("score", w.getValue().score());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        if (check != null) {
            g.writeObjectFieldStart("strip");
            g.writeNumberField("expected", check.expected().size());
            g.writeNumberField("agreed", check.agreed().size());
            g.writeNumberField("agreement", check.agreement());
            attachments(g, "missing", check.missing(), ctx);
            attachments(g, "extra", check.extra(), null);
            g.writeEndObject();
        }
        g.writeEndObject();
        g.flush();
        out.println();
    }

    private static void personality(JsonGenerator g, Personality p) throws IOException {
        g.writeStringField("bundle", p.bundle());
        g.writeStringField("personality", p.name());
        g.writeStringField("class", p.ioClass());
    }

    private static void attachments(JsonGenerator g, String name, List<RematchCheck.Attachment> list,
                                    MatchContext ctx) throws IOException {
        g.writeArrayFieldStart(name);
        for (RematchCheck.Attachment a : list) {
            g.writeStartObject();
            g.writeStringField("provider", a.providerPath());
            g.writeStringField("class", a.className());
            if (ctx != null) {
                String pub = RematchCheck.publisher(ctx, a);
                if (pub != null) {
                    g.writeStringField("publisher", pub);
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
