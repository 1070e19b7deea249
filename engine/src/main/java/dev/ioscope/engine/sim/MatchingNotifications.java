package dev.ioscope.engine.sim;

import static dev.ioscope.engine.journal.JournalKind.NOTIFY_ARMED;
import static dev.ioscope.engine.journal.JournalKind.NOTIFY_DELIVER;
import static dev.ioscope.engine.journal.JournalKind.NOTIFY_REMOVED;
import static dev.ioscope.engine.journal.JournalKind.SCENARIO_ERROR;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.service.MatchContext;
import dev.ioscope.engine.service.PassiveMatcher;

import java.util.ArrayList;
import java.util.List;

/** The armed matching notifications of one simulation (IOService's notifier sets), journaled through it. */
final class MatchingNotifications {
    private record Notification(int id, String type, OSDictionary matching) {
    }

    private final Simulation sim;
    private final MatchContext ctx;
    private final IORegistry registry;
    private final IORegistryPlane service;
    private final List<Notification> notifications = new ArrayList<>();
    private int nextNotificationId;

    MatchingNotifications(Simulation sim, MatchContext ctx, IORegistry registry, IORegistryPlane service) {
        this.sim = sim;
        this.ctx = ctx;
        this.registry = registry;
        this.service = service;
    }

    /** The notification types addMatchingNotification accepts (IOService.cpp {@code doInstallNotification}). */
    static final List<String> NOTIFICATION_TYPES = List.of("publish", "first-publish", "matched", "first-match",
            "terminated", "will-terminate");

    /**
     * IOService::addMatchingNotification (rules N1-N4 in docs/iokit-rules.md): the four state kinds are at once
     * delivered for the existing active services in that state (publish and first-publish: registered; matched and
     * first-match: matched); terminated and will-terminate have no existing set (they fire in terminate's phases 1
     * and 2, docs/iokit-rules.md N4 and L2). An unknown type arms nothing (XNU returns NULL).
     */
    void add(String type, OSDictionary matching) {
        if (!NOTIFICATION_TYPES.contains(type) || matching == null) {
            sim.record(SCENARIO_ERROR, "", "action", CoreAction.AddNotification.TYPE.id(), "reason", matching == null
                    ? "no matching dictionary" : "unknown notification type " + type);
            return;
        }
        Notification n = new Notification(nextNotificationId++, type, matching);
        notifications.add(n);
        sim.record(NOTIFY_ARMED, "", "id", String.valueOf(n.id()), "type", type);
        if (!"terminated".equals(type) && !"will-terminate".equals(type)) {
            boolean publishKind = type.endsWith("publish");
            for (IORegistryEntry e : List.copyOf(registry.entries())) {
                boolean state = publishKind ? e.state().registered() : e.state().matched();
                if (e.inPlane(service) && state && e.state().active() && matches(n, e)) {
                    sim.record(NOTIFY_DELIVER, sim.path(e), "id", String.valueOf(n.id()), "type", type,
                            "existing", "true");
                }
            }
        }
    }

    /** IONotifier::remove: the notification delivers nothing more; false when no such id is armed. */
    boolean remove(int id) {
        boolean removed = notifications.removeIf(n -> n.id() == id);
        if (removed) {
            sim.record(NOTIFY_REMOVED, "", "id", String.valueOf(id));
        } else {
            sim.record(SCENARIO_ERROR, "", "action", CoreAction.RemoveNotification.TYPE.id(), "reason",
                    "no notification " + id);
        }
        return removed;
    }

    /** IOService::deliverNotification, type by type in the order given, notifiers in the order armed. */
    void deliver(List<String> types, IORegistryEntry e) {
        for (String type : types) {
            for (Notification n : List.copyOf(notifications)) {
                if (type.equals(n.type()) && matches(n, e)) {
                    sim.record(NOTIFY_DELIVER, sim.path(e), "id", String.valueOf(n.id()), "type", n.type());
                }
            }
        }
    }

    private boolean matches(Notification n, IORegistryEntry e) {
        return new PassiveMatcher(ctx).matchPassive(e, n.matching(), false, false).matched();
    }
}
