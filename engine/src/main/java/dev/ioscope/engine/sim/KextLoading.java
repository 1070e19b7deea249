package dev.ioscope.engine.sim;

import static dev.ioscope.engine.sim.JournalKind.KEXT_LOAD;
import static dev.ioscope.engine.sim.JournalKind.KEXT_UNLOAD;

import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.service.IOCatalogue;
import dev.ioscope.engine.service.MatchContext;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.service.kext.KextBundle;

import java.util.List;

/**
 * Kexts coming and going while a simulation runs: IOCatalogue::addDrivers followed by matching on the nubs the new
 * personalities may concern, and removeDrivers followed by terminating the instances of the classes that went.
 * Apart from {@link Simulation} because it is the catalogue's side of the story; the life cycle it triggers
 * (matching, terminate) stays there.
 */
final class KextLoading {
    private final Simulation sim;
    private final MatchContext ctx;
    private final IORegistryPlane service;

    KextLoading(Simulation sim, MatchContext ctx, IORegistryPlane service) {
        this.sim = sim;
        this.ctx = ctx;
        this.service = service;
    }

    /** IOCatalogue::addDrivers, then matching on every registered nub a new personality may concern. */
    void load(KextBundle k) {
        IOCatalogue catalogue = sim.catalogue();
        int before = catalogue.size();
        catalogue.addKext(k);
        sim.record(KEXT_LOAD, "", "bundle", k.bundleId(), "personalities",
                String.valueOf(catalogue.size() - before));
        List<Personality> added = catalogue.personalities().subList(before, catalogue.size());
        for (IORegistryEntry e : List.copyOf(sim.registry().entries())) {
            if (e.inPlane(service) && e.state().registered() && e.state().active()) {
                boolean concerned = added.stream().anyMatch(p -> p.providerClass() != null
                        && ctx.conformsTo(e, p.providerClass()));
                if (concerned) {
                    sim.scheduleMatching(e);
                }
            }
        }
    }

    /** IOCatalogue::removeDrivers: the bundle's personalities go, and every live instance of their classes. */
    void unload(String bundle) {
        List<Personality> gone = sim.catalogue().removeBundle(bundle);
        sim.record(KEXT_UNLOAD, "", "bundle", bundle, "personalities", String.valueOf(gone.size()));
        for (IORegistryEntry e : List.copyOf(sim.registry().entries())) {
            if (e.state().active() && gone.stream().anyMatch(p -> e.className().equals(p.ioClass()))) {
                sim.terminate(e);
            }
        }
    }
}
