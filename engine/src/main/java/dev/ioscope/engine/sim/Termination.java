package dev.ioscope.engine.sim;

import static dev.ioscope.engine.journal.JournalKind.SERVICE_DID_TERMINATE;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_STOP_DEFERRED;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_TERMINATE;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_WILL_TERMINATE;

import dev.ioscope.engine.iokit.IOMessage;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

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
 * is sent kIOMessageServiceIsRequestingClose and closes — unless it was opened not to (rule L6);</li>
 * <li>phase 3: leaves first, stop, idle, detach. A victim stops only once none of its clients is left: a client
 * that kept it open is not stopped until it closes ({@code close} → {@code scheduleStop}), and its provider is not
 * finalized, so not stopped, while that client is attached ({@code terminateWorker}: {@code scheduleFinalize} only
 * without clients; a terminated client's stop waits for its finalize). Each such victim is journaled once as
 * {@code service.stop-deferred}.</li>
 * </ol>
 */
final class Termination {
    private final Simulation sim;
    private final MatchingNotifications notifications;
    private final GeneralInterest interest;
    private final IORegistryPlane service;
    /** Victims past didTerminate (kIOServiceTermPhase3State) that have not stopped yet, leaves first. */
    private final List<IORegistryEntry> waiting = new ArrayList<>();
    private final Set<IORegistryEntry> pastDidTerminate = identitySet();
    /** Clients that did not close when their provider asked: their stop is not scheduled until they close. */
    private final Set<IORegistryEntry> held = identitySet();
    /** Victims already journaled as deferred. */
    private final Set<IORegistryEntry> deferred = identitySet();

    Termination(Simulation sim, MatchingNotifications notifications, GeneralInterest interest) {
        this.sim = sim;
        this.notifications = notifications;
        this.interest = interest;
        this.service = sim.registry().plane(IORegistryPlane.IOSERVICE);
        interest.onCloseAfterTerminate(pastDidTerminate::contains, (provider, client) -> {
            held.remove(client);
            sim.scheduler().after(Simulation.STEP_NS, "stop after close", this::stopReady);
        });
    }

    private static Set<IORegistryEntry> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
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
                    pastDidTerminate.add(victims.get(i));
                    didTerminate(victims.get(i));
                }
                sim.scheduler().after(Simulation.STEP_NS, "stop+detach", () -> {
                    for (int i = victims.size() - 1; i >= 0; i--) {
                        waiting.add(victims.get(i));
                    }
                    stopReady();
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
                if (interest.closesWhenAsked(v)) {
                    interest.close(v, c, true);
                } else {
                    held.add(c);   // didTerminate: still open after the message, so no scheduleStop
                }
            }
        }
    }

    /**
     * Phase 3: stops, leaves first, every waiting victim that no client holds back (a client not yet stopped, or
     * one that kept it open), over and over as stops free their providers; journals the rest once as deferred.
     */
    private void stopReady() {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Iterator<IORegistryEntry> it = waiting.iterator(); it.hasNext(); ) {
                IORegistryEntry v = it.next();
                if (held.contains(v) || heldBack(v) != null) {
                    continue;
                }
                it.remove();
                pastDidTerminate.remove(v);
                deferred.remove(v);
                sim.finishTerminate(v);
                progress = true;
            }
        }
        for (IORegistryEntry v : waiting) {
            if (deferred.add(v)) {
                IORegistryEntry provider = v.parent(service);
                String reason = held.contains(v)
                        ? "keeps " + (provider == null ? "its provider" : sim.path(provider))
                                + " open: no close after kIOMessageServiceIsRequestingClose"
                        : "waits for its client " + sim.path(heldBack(v)) + " to stop";
                sim.record(SERVICE_STOP_DEFERRED, sim.path(v), "class", v.className(), "reason", reason);
            }
        }
    }

    /** A client of {@code v} that has not stopped yet (a waiting victim, or one that kept {@code v} open). */
    private IORegistryEntry heldBack(IORegistryEntry v) {
        for (IORegistryEntry c : v.children(service)) {
            if (held.contains(c) || waiting.contains(c)) {
                return c;
            }
        }
        return null;
    }
}
