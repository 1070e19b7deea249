package dev.ioscope.engine.sim;

import static dev.ioscope.engine.journal.JournalKind.INTEREST_REGISTER;
import static dev.ioscope.engine.journal.JournalKind.INTEREST_REMOVED;
import static dev.ioscope.engine.journal.JournalKind.SCENARIO_ERROR;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_CLOSE;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_MESSAGE;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_OPEN;

import dev.ioscope.engine.iokit.IOMessage;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * General interest and IOService's own messages (xnu IOService.cpp: {@code registerInterest},
 * {@code registerInterestForNotifier}, {@code applyToInterested}, {@code messageClients}, {@code open},
 * {@code close}, {@code handleOpen}; rules L3–L5 in docs/iokit-rules.md). {@code messageClients} reaches first
 * every client of the service (its children in the IOService plane, {@code applyToClients}), then every
 * general-interest notifier in the order registered; each delivery is one {@code service.message} event. Open is
 * exclusive ({@code handleOpen}'s single owner).
 */
final class GeneralInterest {
    /** The interest types registerInterestForNotifier accepts; only general interest is modelled. */
    static final List<String> TYPES = List.of("IOGeneralInterest", "IOBusyInterest", "IOAppPowerStateInterest",
            "IOConsoleSecurityInterest", "IOPriorityPowerStateInterest");

    private record Notifier(int id, IORegistryEntry service) {
    }

    private final Simulation sim;
    private final List<Notifier> notifiers = new ArrayList<>();
    private final Map<IORegistryEntry, IORegistryEntry> owners = new IdentityHashMap<>();
    /** Services whose owner does not close when asked (open-service with closeWhenAsked false). */
    private final Set<IORegistryEntry> keptOpen = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Told when a client closes a service already past didTerminate (Termination: the client's stop follows). */
    private BiConsumer<IORegistryEntry, IORegistryEntry> closedAfterTerminate = (s, c) -> { };
    private Predicate<IORegistryEntry> phase3 = s -> false;
    private int nextId;

    GeneralInterest(Simulation sim) {
        this.sim = sim;
    }

    /** IOService::registerInterest(gIOGeneralInterest): refused (kIOReturnNotReady) on an inactive service. */
    void register(IORegistryEntry service, String type) {
        String t = type == null ? "IOGeneralInterest" : type;
        if (!TYPES.contains(t)) {
            sim.record(SCENARIO_ERROR, "", "action", CoreAction.RegisterInterest.TYPE.id(), "reason",
                    "kIOReturnBadArgument: unknown interest type " + t);
        } else if (!t.equals("IOGeneralInterest")) {
            sim.record(SCENARIO_ERROR, "", "action", CoreAction.RegisterInterest.TYPE.id(), "reason",
                    "only IOGeneralInterest is modelled, not " + t);
        } else if (!service.state().active()) {
            sim.record(SCENARIO_ERROR, "", "action", CoreAction.RegisterInterest.TYPE.id(), "reason",
                    "kIOReturnNotReady: " + sim.path(service) + " is inactive");
        } else {
            Notifier n = new Notifier(nextId++, service);
            notifiers.add(n);
            sim.record(INTEREST_REGISTER, sim.path(service), "id", String.valueOf(n.id()), "type", t);
        }
    }

    /** IONotifier::remove on an interest notifier. */
    void remove(int id) {
        if (notifiers.removeIf(n -> n.id() == id)) {
            sim.record(INTEREST_REMOVED, "", "id", String.valueOf(id));
        } else {
            sim.record(SCENARIO_ERROR, "", "action", CoreAction.RemoveInterest.TYPE.id(), "reason",
                    "no interest notifier " + id);
        }
    }

    /** IOService::messageClients: every client, then every general-interest notifier, except {@code exclude}. */
    void messageClients(IORegistryEntry service, IOMessage m, IORegistryEntry exclude) {
        String from = sim.path(service);
        for (IORegistryEntry c : service.children(sim.registry().plane(IORegistryPlane.IOSERVICE))) {
            if (c != exclude) {
                message(from, m, "client", sim.path(c));
            }
        }
        for (Notifier n : List.copyOf(notifiers)) {
            if (n.service() == service) {
                message(from, m, "interest", String.valueOf(n.id()));
            }
        }
    }

    /** IOService::message to one client (didTerminate's kIOMessageServiceIsRequestingClose). */
    void messageClient(IORegistryEntry service, IOMessage m, IORegistryEntry client) {
        message(sim.path(service), m, "client", sim.path(client));
    }

    private void message(String from, IOMessage m, String toKind, String to) {
        sim.record(SERVICE_MESSAGE, from, "message", m.name(), "code", m.hex(), toKind, to);
    }

    /**
     * IOService::open: kIOMessageServiceIsAttemptingOpen to the others, then handleOpen (one owner). A client
     * that does not {@code closeWhenAsked} keeps the service open through its termination (rule L6).
     */
    void open(IORegistryEntry service, IORegistryEntry client, boolean closeWhenAsked) {
        messageClients(service, IOMessage.kIOMessageServiceIsAttemptingOpen, client);
        boolean ok = service.state().active() && (owners.get(service) == null || owners.get(service) == client);
        if (ok) {
            owners.put(service, client);
            if (closeWhenAsked) {
                keptOpen.remove(service);
            } else {
                keptOpen.add(service);
            }
        }
        sim.record(SERVICE_OPEN, sim.path(service), "client", sim.path(client), "result", String.valueOf(ok));
    }

    /** Whether the client holding {@code service} open closes it when asked (kIOMessageServiceIsRequestingClose). */
    boolean closesWhenAsked(IORegistryEntry service) {
        return !keptOpen.contains(service);
    }

    /** Termination's hooks: which services are past didTerminate, and what to do when one is closed then. */
    void onCloseAfterTerminate(Predicate<IORegistryEntry> pastDidTerminate,
            BiConsumer<IORegistryEntry, IORegistryEntry> hook) {
        phase3 = pastDidTerminate;
        closedAfterTerminate = hook;
    }

    /**
     * A scenario's close-service: IOService::close by the client. On a service already past didTerminate
     * ({@code kIOServiceTermPhase3State}) the client's stop follows (close → scheduleStop).
     */
    void closeByClient(IORegistryEntry service, IORegistryEntry client) {
        boolean terminated = owners.get(service) == client && keptOpen.contains(service) && phase3.test(service);
        close(service, client, terminated);
        if (terminated) {
            closedAfterTerminate.accept(service, client);
        }
    }

    /** Whether {@code client} holds {@code service} open (handleIsOpen). */
    boolean isOpen(IORegistryEntry service, IORegistryEntry client) {
        return owners.get(service) == client;
    }

    /**
     * IOService::close: handleClose, then kIOMessageServiceWasClosed to the other interested parties, unless the
     * service is already past didTerminate ({@code kIOServiceTermPhase3State}: the client's stop follows instead).
     */
    void close(IORegistryEntry service, IORegistryEntry client, boolean terminating) {
        if (owners.get(service) != client) {
            sim.record(SCENARIO_ERROR, "", "action", CoreAction.CloseService.TYPE.id(), "reason",
                    sim.path(service) + " is not open for " + sim.path(client));
            return;
        }
        owners.remove(service);
        keptOpen.remove(service);
        sim.record(SERVICE_CLOSE, sim.path(service), "client", sim.path(client));
        if (!terminating) {
            messageClients(service, IOMessage.kIOMessageServiceWasClosed, client);
        }
    }

    /** The service is gone: its notifiers and its open state go with it. */
    void forget(IORegistryEntry service) {
        notifiers.removeIf(n -> n.service() == service);
        owners.remove(service);
        keptOpen.remove(service);
    }
}
