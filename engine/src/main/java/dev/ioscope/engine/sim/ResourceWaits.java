package dev.ioscope.engine.sim;

import static dev.ioscope.engine.sim.JournalKind.SERVICE_RESOURCE_IGNORED;
import static dev.ioscope.engine.sim.JournalKind.SERVICE_RESUME;
import static dev.ioscope.engine.sim.JournalKind.SERVICE_WAIT_RESOURCE;

import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * startCandidate's stall for resources (xnu IOService.cpp: {@code startCandidate} → {@code checkResources} →
 * {@code checkResource} → {@code waitForService(resourceMatching(name))}, rule R2). On any nub but IOResources (and
 * IOUserResources) the driver, once attached, waits for every resource its nub's and then its own IOResourceMatch
 * names: a string, or each member of an OSSet, in turn. Another type (an OSArray from an XML {@code <array>}, a
 * number) does not stall: XNU logs "Can't match using" and goes on, and so do we (journal
 * {@code service.resource-ignored}). The waiting thread wakes when IOResources, published anew
 * ({@code publishResource} → {@code registerService}), finishes its matching round (the matched notification
 * {@code waitForService} waits for). The rest of that nub's probeCandidates waits with it, as XNU's config thread
 * does.
 */
final class ResourceWaits {
    private record Waiter(IORegistryEntry driver, String resource, Runnable resume) {
    }

    private final Simulation sim;
    private final List<Waiter> waiters = new ArrayList<>();

    ResourceWaits(Simulation sim) {
        this.sim = sim;
    }

    /**
     * True when every resource is published; otherwise journals {@code service.wait-resource} and keeps
     * {@code resume}, run once IOResources publishes the missing one.
     */
    boolean ready(IORegistryEntry nub, IORegistryEntry driver, Runnable resume) {
        IORegistryEntry resources = sim.ioResources();
        if (nub == resources || "IOUserResources".equals(nub.className())) {
            return true;
        }
        for (IORegistryEntry holder : List.of(nub, driver)) {
            OSObject prop = holder.property("IOResourceMatch");
            if (prop == null) {
                continue;
            }
            List<OSObject> names = prop instanceof OSSet set ? set.members() : List.of(prop);
            for (OSObject n : names) {
                if (!(n instanceof OSString s)) {
                    sim.record(SERVICE_RESOURCE_IGNORED, sim.path(driver), "class", driver.className(),
                            "type", n.typeName());
                } else if (resources == null || resources.property(s.value()) == null) {
                    sim.record(SERVICE_WAIT_RESOURCE, sim.path(driver), "class", driver.className(),
                            "resource", s.value(), "of", holder == nub ? "nub" : "driver");
                    waiters.add(new Waiter(driver, s.value(), resume));
                    return false;
                }
            }
        }
        return true;
    }

    /** IOResources finished a matching round: every waiter whose resource it now publishes resumes. */
    void resourcesMatched(IORegistryEntry resources) {
        for (Waiter w : List.copyOf(waiters)) {
            if (resources.property(w.resource()) != null) {
                waiters.remove(w);
                sim.record(SERVICE_RESUME, sim.path(w.driver()), "class", w.driver().className(),
                        "resource", w.resource());
                w.resume().run();
            }
        }
    }
}
