package dev.ioscope.engine.sim;

import static dev.ioscope.engine.sim.JournalKind.SERVICE_DID_TERMINATE;
import static dev.ioscope.engine.sim.JournalKind.SERVICE_TERMINATE;
import static dev.ioscope.engine.sim.JournalKind.SERVICE_WILL_TERMINATE;

import dev.ioscope.engine.iokit.IOMessage;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * IOService::terminate in XNU's phases (xnu IOService.cpp: {@code terminatePhase1}, {@code scheduleTerminatePhase2},
 * {@code terminateWorker}, {@code actionWillTerminate}, {@code actionDidTerminate}, {@code didTerminate},
 * {@code actionFinalize}; rules L1–L4 in docs/iokit-rules.md), one life-cycle step apart:
 * <ol>
 * <li>phase 1, now: from the entry, breadth first over clients whose only provider is going
 * ({@code requestTerminate}), each becomes inactive ({@code service.terminate}, busy + 1) and its
 * {@code terminated} notifiers fire at once;</li>
 * <li>phase 2, willTerminate: in the same order, each victim's {@code will-terminate} notifiers, then
 * {@code service.will-terminate};</li>
 * <li>phase 2, didTerminate: leaves first, each victim sends kIOMessageServiceIsTerminated to its clients and
 * general-interest notifiers ({@code messageClients}), then {@code service.did-terminate}; a client holding it open
 * is sent kIOMessageServiceIsRequestingClose and closes;</li>
 * <li>phase 3: leaves first, stop, idle, detach.</li>
 * </ol>
 */
final class Termination {
    private final Simulation sim;
    private final MatchingNotifications notifications;
    private final GeneralInterest interest;
    private final IORegistryPlane service;

    Termination(Simulation sim, MatchingNotifications notifications, GeneralInterest interest) {
        this.sim = sim;
        this.notifications = notifications;
        this.interest = interest;
        this.service = sim.registry().plane(IORegistryPlane.IOSERVICE);
    }

    void terminate(IORegistryEntry root) {
        if (!root.state().active()) {
            return;
        }
        List<IORegistryEntry> victims = phase1(root);
        sim.scheduler().after(Simulation.STEP_NS, "willTerminate", () -> {
            for (IORegistryEntry v : victims) {
                notifications.deliver(List.of("will-terminate"), v);
                sim.record(SERVICE_WILL_TERMINATE, sim.path(v), "class", v.className());
            }
            sim.scheduler().after(Simulation.STEP_NS, "didTerminate", () -> {
                for (int i = victims.size() - 1; i >= 0; i--) {
                    didTerminate(victims.get(i));
                }
                sim.scheduler().after(Simulation.STEP_NS, "stop+detach", () -> {
                    for (int i = victims.size() - 1; i >= 0; i--) {
                        sim.finishTerminate(victims.get(i));
                    }
                });
            });
        });
    }

    /** terminatePhase1: inactive, busy, terminated notifiers; clients whose last provider goes follow. */
    private List<IORegistryEntry> phase1(IORegistryEntry root) {
        List<IORegistryEntry> victims = new ArrayList<>();
        Deque<IORegistryEntry> makeInactive = new ArrayDeque<>();
        makeInactive.add(root);
        while (!makeInactive.isEmpty()) {
            IORegistryEntry v = makeInactive.poll();
            if (victims.contains(v) || !v.state().active()) {
                continue;
            }
            victims.add(v);
            EntryState s = v.state();
            v.setState(new EntryState(s.service(), s.registered(), s.matched(), false, s.busyState(), s.busyTimeMs(),
                    s.retainCount()));
            sim.record(SERVICE_TERMINATE, sim.path(v), "class", v.className());
            sim.adjustBusy(v, +1);
            notifications.deliver(List.of("terminated"), v);
            for (IORegistryEntry c : v.children(service)) {
                // requestTerminate: a client with another active provider survives the loss of this one
                boolean otherProvider = c.parents(service).stream().anyMatch(p -> p != v && p.state().active());
                if (!otherProvider) {
                    makeInactive.add(c);
                }
            }
        }
        return victims;
    }

    /** actionDidTerminate: messageClients(kIOMessageServiceIsTerminated), then each client's didTerminate. */
    private void didTerminate(IORegistryEntry v) {
        interest.messageClients(v, IOMessage.kIOMessageServiceIsTerminated, null);
        sim.record(SERVICE_DID_TERMINATE, sim.path(v), "class", v.className());
        for (IORegistryEntry c : v.children(service)) {
            if (interest.isOpen(v, c)) {
                interest.messageClient(v, IOMessage.kIOMessageServiceIsRequestingClose, c);
                interest.close(v, c, true);
            }
        }
    }
}
