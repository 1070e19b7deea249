package dev.ioscope.engine.sim;

import static dev.ioscope.engine.journal.JournalKind.CLOCK_ADVANCE;
import static dev.ioscope.engine.journal.JournalKind.DRIVER_EMULATE;
import static dev.ioscope.engine.journal.JournalKind.PROPERTY_SET;
import static dev.ioscope.engine.journal.JournalKind.RESOURCE_PUBLISH;
import static dev.ioscope.engine.journal.JournalKind.SCENARIO_ERROR;

import dev.ioscope.engine.iokit.IOMessage;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.kext.KextLoader;
import dev.ioscope.engine.io.SnapshotException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What each scenario action (docs/scenarios.md) does to one simulation: the core vocabulary here, the rest handed
 * to the extension that declared it. Kept apart from {@link Simulation} so the life cycle reads without the action
 * vocabulary, and a new core action is one case in one place. A bad action never stops the run: it is journaled as
 * {@code scenario.error} and the scenario goes on, as a failing IOKit call returns an error and the caller moves on.
 */
final class ScenarioActions {
    /** The core actions, in the order Scenario's error message lists them. */
    static final List<String> CORE = List.of("publish", "terminate", "set-property", "register",
            "load-kext", "unload-kext", "add-notification", "advance", "raise-interrupt", "remove-notification",
            "emulate-driver", "publish-resource", "register-interest", "remove-interest", "message-clients",
            "open-service", "close-service", "iokit-daemon-launched", "dext-crash", "register-interrupt-controller",
            "add-interrupt-source", "enable-interrupt", "disable-interrupt", "dma-transfer", "memory-create",
            "memory-prepare", "memory-complete", "memory-set-length", "memory-map", "memory-unmap", "memory-release");
    /** IOService::iokitDaemonLaunched: the IOMatchDefer list goes and its nubs are matched again. */
    static final String DAEMON_LAUNCHED = "iokit-daemon-launched";

    private final Simulation sim;
    private final KextLoading kexts;
    private final MatchingNotifications notifications;
    private final GeneralInterest interest;
    private final MatchDefer matchDefer;
    private final Map<String, SimulationExtension.Instance> extensionActions = new LinkedHashMap<>();
    private final InterruptActions interrupts;
    private final DmaActions dma;
    private final MemoryActions memory;

    ScenarioActions(Simulation sim, KextLoading kexts, MatchingNotifications notifications, GeneralInterest interest,
                    MatchDefer matchDefer) {
        this.sim = sim;
        this.kexts = kexts;
        this.notifications = notifications;
        this.interest = interest;
        this.matchDefer = matchDefer;
        this.interrupts = new InterruptActions(sim);
        this.memory = new MemoryActions(sim);
        this.dma = new DmaActions(sim, memory);
    }

    /** Routes {@code action} to the installed extension {@code x} from now on. */
    void addExtension(String action, SimulationExtension.Instance x) {
        extensionActions.put(action, x);
    }

    void perform(Scenario.Action a) {
        switch (a.type()) {
            case "publish" -> {
                IORegistryEntry parent = sim.resolve(a.arg("parent"));
                if (parent == null) {
                    sim.record(SCENARIO_ERROR, "", "action", "publish", "reason", "no entry at " + a.arg("parent"));
                    return;
                }
                String cls = a.arg("class") == null ? "IOService" : a.arg("class");
                IORegistryEntry e = sim.registry().createEntry(cls, a.arg("name") == null ? cls : a.arg("name"));
                e.setProperties(a.properties());
                if (a.arg("location") != null) {
                    e.setLocation(a.arg("location"));
                }
                sim.attach(e, parent);
                sim.registerService(e);
            }
            case "register" -> withEntry(a, sim::registerService);
            case "terminate" -> withEntry(a, sim::terminate);
            case "set-property" -> withEntry(a, e -> {
                OSObject v = a.properties().get("value");
                if (v == null) {
                    e.removeProperty(a.arg("key"));
                } else {
                    e.setProperty(a.arg("key"), v);
                }
                sim.record(PROPERTY_SET, sim.path(e), "key", a.arg("key"), "value", String.valueOf(v));
            });
            case "load-kext" -> {
                try {
                    Path p = Path.of(a.arg("path"));
                    new KextLoader().load(List.of(p)).forEach(kexts::load);
                } catch (SnapshotException | RuntimeException ex) {
                    sim.record(SCENARIO_ERROR, "", "action", "load-kext", "reason", ex.getMessage());
                }
            }
            case "unload-kext" -> kexts.unload(a.arg("bundle"));
            case "add-notification" -> notifications.add(a.arg("type"), a.properties());
            case "advance" -> sim.record(CLOCK_ADVANCE, "");
            case "dext-crash" -> {
                // the dext process of an IOUserServerName dies (IOUserServer::finalize, rule DK8)
                String server = a.arg("server");
                if (server == null || sim.userServers().crash(server) == 0) {
                    sim.record(SCENARIO_ERROR, "", "action", "dext-crash", "reason",
                            "no running IOUserServer named " + server);
                }
            }
            case "remove-notification" -> withIndex(a, "id", "", "bad notification id ", notifications::remove);
            case "raise-interrupt" -> {
                if (a.arg("controller") != null) {
                    interrupts.raise(a, null, 0);
                } else {
                    withEntry(a, e -> withIndex(a, "index", "0", "bad interrupt index ",
                            i -> interrupts.raise(a, e, i)));
                }
            }
            case "register-interrupt-controller", "add-interrupt-source", "enable-interrupt", "disable-interrupt" ->
                    interrupts.perform(a);
            case "dma-transfer" -> dma.transfer(a);
            case "memory-create", "memory-prepare", "memory-complete", "memory-set-length", "memory-map",
                 "memory-unmap", "memory-release" -> memory.perform(a);
            case "emulate-driver" -> emulateDriver(a);
            case "publish-resource" -> publishResource(a);
            case "register-interest" -> withEntry(a, e -> interest.register(e, a.arg("type")));
            case "remove-interest" -> withIndex(a, "id", "", "bad interest notifier id ", interest::remove);
            case "message-clients" -> withEntry(a, e -> {
                Optional<IOMessage> m = IOMessage.parse(a.arg("message"));
                if (m.isEmpty()) {
                    sim.record(SCENARIO_ERROR, "", "action", a.type(), "reason",
                            "unknown message " + a.arg("message"));
                } else {
                    interest.messageClients(e, m.get(), null);
                }
            });
            case "open-service" -> withEntry(a, e -> withClient(a, c -> interest.open(e, c)));
            case "close-service" -> withEntry(a, e -> withClient(a, c -> interest.close(e, c, false)));
            case DAEMON_LAUNCHED -> matchDefer.daemonLaunched();
            default -> {
                SimulationExtension.Instance x = extensionActions.get(a.type());
                if (x != null) {
                    x.perform(a);
                } else {
                    sim.record(SCENARIO_ERROR, "", "action", a.type(), "reason", "unknown action");
                }
            }
        }
    }

    /** {@code emulate-driver}: the class's probe ({@code probe}: a score or "refuse") and start from now on. */
    private void emulateDriver(Scenario.Action a) {
        String cls = a.arg("class");
        String probe = a.arg("probe");
        if (cls == null || cls.isBlank()) {
            sim.record(SCENARIO_ERROR, "", "action", a.type(), "reason", "no class");
        } else if (probe != null && !probe.equals("refuse") && !probe.trim().matches("-?\\d{1,9}")) {
            sim.record(SCENARIO_ERROR, "", "action", a.type(), "reason",
                    "probe is a score or \"refuse\", not " + probe);
        } else {
            sim.emulate(cls, ScriptedDriver.of(a));
            sim.record(DRIVER_EMULATE, "", "class", cls, "probe", probe == null ? "keep" : probe,
                    "start", String.valueOf(a.arg("start") == null || Boolean.parseBoolean(a.arg("start"))));
        }
    }

    /**
     * IOService::publishResource(key, value): IOResources gets the property (value default the symbol "IOService")
     * and registerService runs on it again, so resource-matched drivers match and waiting starts resume.
     */
    private void publishResource(Scenario.Action a) {
        IORegistryEntry res = sim.ioResources();
        String key = a.arg("key");
        if (res == null || key == null || key.isBlank()) {
            sim.record(SCENARIO_ERROR, "", "action", a.type(), "reason", res == null ? "no IOResources" : "no key");
            return;
        }
        OSObject v = a.properties().get("value");
        res.setProperty(key, v == null ? OSString.of("IOService") : v);
        sim.record(RESOURCE_PUBLISH, sim.path(res), "key", key);
        sim.registerService(res);
    }

    /** Runs {@code f} on the entry the action's {@code client} names, or journals that there is none. */
    private void withClient(Scenario.Action a, Consumer<IORegistryEntry> f) {
        IORegistryEntry c = sim.resolve(a.arg("client"));
        if (c == null) {
            sim.record(SCENARIO_ERROR, "", "action", a.type(), "reason", "no client at " + a.arg("client"));
        } else {
            f.accept(c);
        }
    }

    /** Runs {@code f} on the entry at the action's {@code path}, or journals that there is none. */
    private void withEntry(Scenario.Action a, Consumer<IORegistryEntry> f) {
        IORegistryEntry e = sim.resolve(a.arg("path"));
        if (e == null) {
            sim.record(SCENARIO_ERROR, "", "action", a.type(), "reason", "no entry at " + a.arg("path"));
        } else {
            f.accept(e);
        }
    }

    /** Runs {@code f} on the action's small whole-number argument {@code key}, or journals why it is bad. */
    private void withIndex(Scenario.Action a, String key, String absent, String bad, Consumer<Integer> f) {
        String v = a.arg(key) == null ? absent : a.arg(key);
        if (v.matches("\\d{1,9}")) {
            f.accept(Integer.parseInt(v));
        } else {
            sim.record(SCENARIO_ERROR, "", "action", a.type(), "reason", bad + v);
        }
    }
}
