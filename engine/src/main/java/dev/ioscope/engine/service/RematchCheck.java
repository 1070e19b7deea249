package dev.ioscope.engine.service;

import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code --strip} check: treat the driver instances a snapshot already shows, whose class some personality
 * of the catalogue names, as absent; re-match; and compare which classes land on which providers with what the
 * snapshot recorded. The nubs those drivers published stay in the registry, so a chain of drivers (a driver
 * whose provider is another kext's nub) is checked link by link.
 */
public final class RematchCheck {
    private RematchCheck() {
    }

    /** One driver on one provider, by the provider's path and the driver's class. */
    public record Attachment(String providerPath, String className) {
        @Override
        public String toString() {
            return className + " on " + providerPath;
        }
    }

    /**
     * Which kext published the personality a snapshot's driver was matched with (its IOPersonalityPublisher
     * property, else its CFBundleIdentifier), so a miss can be told apart from a personality that is not in
     * the catalogue at all.
     */
    public static String publisher(MatchContext ctx, Attachment a) {
        for (IORegistryEntry e : ctx.ignored()) {
            IORegistryEntry p = ctx.provider(e);
            if (e.className().equals(a.className()) && p != null && ctx.path(p).equals(a.providerPath())) {
                String pub = Personality.string(e.property("IOPersonalityPublisher"));
                return pub != null ? pub : Personality.string(e.property("CFBundleIdentifier"));
            }
        }
        return null;
    }

    /**
     * @param expected the attachments the snapshot shows (of classes the catalogue names)
     * @param predicted the winners of re-matching
     * @param agreed   expected attachments re-matching reproduced
     * @param missing  expected but not predicted
     * @param extra    predicted but not in the snapshot
     */
    public record Result(List<Attachment> expected, List<Attachment> predicted, List<Attachment> agreed,
                         List<Attachment> missing, List<Attachment> extra) {
        /** agreed / expected, 1 when nothing was expected. */
        public double agreement() {
            return expected.isEmpty() ? 1.0 : (double) agreed.size() / expected.size();
        }
    }

    /** Marks the instances to ignore in the context and returns what the snapshot showed. */
    public static List<Attachment> strip(IOCatalogue catalogue, MatchContext ctx) {
        Set<String> classes = new HashSet<>();
        for (Personality p : catalogue.personalities()) {
            if (p.ioClass() != null) {
                classes.add(p.ioClass());
            }
        }
        Set<Attachment> shown = new LinkedHashSet<>();
        for (IORegistryEntry e : ctx.registry().entries()) {
            if (!classes.contains(e.className()) || !e.inPlane(ctx.servicePlane())) {
                continue;
            }
            // The provider is getProvider(), the first parent; further parents are links the driver's own code
            // made (VoodooPS2's AppleACPIPS2Nub also attaches to the mouse's ACPI node), not matches.
            IORegistryEntry provider = ctx.provider(e);
            if (provider != null) {
                shown.add(new Attachment(ctx.path(provider), e.className()));
            }
            ctx.ignore(e);
        }
        return new ArrayList<>(shown);
    }

    /** Strips, re-matches every provider, and compares. */
    public static Result run(IOCatalogue catalogue, MatchContext ctx, List<ProviderMatch> out) {
        List<Attachment> expected = strip(catalogue, ctx);
        List<ProviderMatch> all = new MatchEngine(catalogue, ctx).matchAll();
        out.addAll(all);
        Set<Attachment> predicted = new LinkedHashSet<>();
        for (ProviderMatch pm : all) {
            for (MatchingTrace w : pm.winners().values()) {
                predicted.add(new Attachment(pm.path(), w.personality().ioClass()));
            }
        }
        List<Attachment> agreed = new ArrayList<>();
        List<Attachment> missing = new ArrayList<>();
        for (Attachment a : expected) {
            (predicted.contains(a) ? agreed : missing).add(a);
        }
        List<Attachment> extra = new ArrayList<>();
        for (Attachment a : predicted) {
            if (!expected.contains(a)) {
                extra.add(a);
            }
        }
        return new Result(expected, new ArrayList<>(predicted), agreed, missing, extra);
    }
}
