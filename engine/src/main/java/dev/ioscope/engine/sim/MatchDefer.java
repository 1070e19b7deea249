package dev.ioscope.engine.sim;

import static dev.ioscope.engine.sim.JournalKind.IOKIT_DAEMON_LAUNCHED;
import static dev.ioscope.engine.sim.JournalKind.MATCH_DEFER;

import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * The IOMatchDefer list (xnu IOService.cpp: {@code gIOMatchDeferList}, {@code probeCandidates},
 * {@code startDeferredMatches}, {@code iokitDaemonLaunched}; rule S7). Until the IOKit daemon has launched (and
 * delivered the personalities it holds), a start candidate whose IOMatchDefer is true does not start: its nub joins
 * the list once and that probeCandidates starts nothing more. When the daemon launches the list goes away and every
 * nub on it is matched again; a nub detached meanwhile leaves the list. A scenario stands before the launch only if
 * it has an {@code iokit-daemon-launched} action (the moment it launches); otherwise the machine runs as after boot,
 * with no list.
 */
final class MatchDefer {
    private final Simulation sim;
    private final List<IORegistryEntry> deferred = new ArrayList<>();
    private boolean listExists;

    MatchDefer(Simulation sim, boolean beforeDaemon) {
        this.sim = sim;
        this.listExists = beforeDaemon;
    }

    /** Whether {@code candidate} defers matching on {@code nub}; if so the nub is on the list and it is journaled. */
    boolean defers(IORegistryEntry nub, IORegistryEntry candidate) {
        if (!listExists || !OSBoolean.TRUE.equals(candidate.property("IOMatchDefer"))) {
            return false;
        }
        if (!deferred.contains(nub)) {
            deferred.add(nub);
        }
        sim.record(MATCH_DEFER, sim.path(nub), "class", candidate.className());
        return true;
    }

    /** IOService::iokitDaemonLaunched → startDeferredMatches: the list goes, its nubs are matched again. */
    void daemonLaunched() {
        List<IORegistryEntry> again = List.copyOf(deferred);
        deferred.clear();
        listExists = false;
        sim.record(IOKIT_DAEMON_LAUNCHED, "", "deferred", String.valueOf(again.size()));
        for (IORegistryEntry nub : again) {
            if (nub.state().active()) {
                sim.scheduleMatching(nub);
            }
        }
    }

    /** IOService::detach: a nub that goes leaves the list. */
    void forget(IORegistryEntry nub) {
        deferred.remove(nub);
    }
}
