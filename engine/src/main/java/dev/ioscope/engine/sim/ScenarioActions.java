package dev.ioscope.engine.sim;

import static dev.ioscope.engine.journal.JournalKind.CLOCK_ADVANCE;
import static dev.ioscope.engine.journal.JournalKind.DRIVER_EMULATE;
import static dev.ioscope.engine.journal.JournalKind.PROPERTY_SET;
import static dev.ioscope.engine.journal.JournalKind.RESOURCE_PUBLISH;
import static dev.ioscope.engine.journal.JournalKind.SCENARIO_ERROR;

import dev.ioscope.engine.iokit.IOMessage;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.kext.KextLoader;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.sim.CoreAction.AddNotification;
import dev.ioscope.engine.sim.CoreAction.Advance;
import dev.ioscope.engine.sim.CoreAction.CloseService;
import dev.ioscope.engine.sim.CoreAction.DextCrash;
import dev.ioscope.engine.sim.CoreAction.DmaTransfer;
import dev.ioscope.engine.sim.CoreAction.EmulateDriver;
import dev.ioscope.engine.sim.CoreAction.IOKitDaemonLaunched;
import dev.ioscope.engine.sim.CoreAction.LoadKext;
import dev.ioscope.engine.sim.CoreAction.MessageClients;
import dev.ioscope.engine.sim.CoreAction.OpenService;
import dev.ioscope.engine.sim.CoreAction.Publish;
import dev.ioscope.engine.sim.CoreAction.PublishResource;
import dev.ioscope.engine.sim.CoreAction.RaiseInterrupt;
import dev.ioscope.engine.sim.CoreAction.Register;
import dev.ioscope.engine.sim.CoreAction.RegisterInterest;
import dev.ioscope.engine.sim.CoreAction.RemoveInterest;
import dev.ioscope.engine.sim.CoreAction.RemoveNotification;
import dev.ioscope.engine.sim.CoreAction.SetProperty;
import dev.ioscope.engine.sim.CoreAction.Terminate;
import dev.ioscope.engine.sim.CoreAction.UnloadKext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What each scenario action (docs/scenarios.md) does to one simulation: the core's records ({@link CoreAction})
 * here, the rest handed to the extension that declared their type. Kept apart from {@link Simulation} so the life
 * cycle reads without the action vocabulary; a new core action is a record in {@link CoreAction} and one branch
 * here. A bad action never stops the run: it is journaled as {@code scenario.error} and the scenario goes on, as a
 * failing IOKit call returns an error and the caller moves on.
 */
final class ScenarioActions {
    /** The core actions, in the order Scenario's error message lists them. */
    static final List<String> CORE = CoreAction.TYPES.stream().map(ActionType::id).toList();

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
        if (a.op() instanceof CoreAction op) {
            perform(a.type(), op);
            return;
        }
        SimulationExtension.Instance x = extensionActions.get(a.type());
        if (x != null) {
            x.perform(a);
        } else {
            sim.record(SCENARIO_ERROR, "", "action", a.type(), "reason", "unknown action");
        }
    }

    private void perform(String type, CoreAction op) {
        if (op instanceof Publish p) {
            publish(p);
        } else if (op instanceof Register r) {
            withEntry(type, r.path(), sim::registerService);
        } else if (op instanceof Terminate t) {
            withEntry(type, t.path(), sim::terminate);
        } else if (op instanceof SetProperty p) {
            withEntry(type, p.path(), e -> {
                if (p.value() == null) {
                    e.removeProperty(p.key());
                } else {
                    e.setProperty(p.key(), p.value());
                }
                sim.record(PROPERTY_SET, sim.path(e), "key", p.key(), "value", String.valueOf(p.value()));
            });
        } else if (op instanceof LoadKext k) {
            try {
                new KextLoader().load(List.of(Path.of(k.path()))).forEach(kexts::load);
            } catch (SnapshotException | RuntimeException ex) {
                sim.record(SCENARIO_ERROR, "", "action", type, "reason", ex.getMessage());
            }
        } else if (op instanceof UnloadKext u) {
            kexts.unload(u.bundle());
        } else if (op instanceof AddNotification n) {
            notifications.add(n.type(), n.matching());
        } else if (op instanceof Advance) {
            sim.record(CLOCK_ADVANCE, "");
        } else if (op instanceof DextCrash d) {
            // the dext process of an IOUserServerName dies (IOUserServer::finalize, rule DK8)
            if (d.server() == null || sim.userServers().crash(d.server()) == 0) {
                sim.record(SCENARIO_ERROR, "", "action", type, "reason", "no running IOUserServer named "
                        + d.server());
            }
        } else if (op instanceof RemoveNotification r) {
            withIndex(type, r.id(), "", "bad notification id ", notifications::remove);
        } else if (op instanceof RaiseInterrupt r) {
            if (r.controller() != null) {
                interrupts.raise(type, r, null, 0);
            } else {
                withEntry(type, r.path(), e -> withIndex(type, r.index(), "0", "bad interrupt index ",
                        i -> interrupts.raise(type, r, e, i)));
            }
        } else if (op instanceof DmaTransfer d) {
            dma.transfer(type, d);
        } else if (op instanceof CoreAction.MemoryAction m) {
            memory.perform(type, m);
        } else if (op instanceof EmulateDriver d) {
            emulateDriver(type, d);
        } else if (op instanceof PublishResource r) {
            publishResource(type, r);
        } else if (op instanceof RegisterInterest r) {
            withEntry(type, r.path(), e -> interest.register(e, r.type()));
        } else if (op instanceof RemoveInterest r) {
            withIndex(type, r.id(), "", "bad interest notifier id ", interest::remove);
        } else if (op instanceof MessageClients m) {
            withEntry(type, m.path(), e -> {
                Optional<IOMessage> msg = IOMessage.parse(m.message());
                if (msg.isEmpty()) {
                    sim.record(SCENARIO_ERROR, "", "action", type, "reason", "unknown message " + m.message());
                } else {
                    interest.messageClients(e, msg.get(), null);
                }
            });
        } else if (op instanceof OpenService o) {
            if (o.closeWhenAsked() != null && !o.closeWhenAsked().equals("true")
                    && !o.closeWhenAsked().equals("false")) {
                sim.record(SCENARIO_ERROR, "", "action", type, "reason", "\"closeWhenAsked\" is true or false, not "
                        + o.closeWhenAsked());
            } else {
                boolean closes = !"false".equals(o.closeWhenAsked());
                withEntry(type, o.path(), e -> withClient(type, o.client(), c -> interest.open(e, c, closes)));
            }
        } else if (op instanceof CloseService c) {
            withEntry(type, c.path(), e -> withClient(type, c.client(), cl -> interest.closeByClient(e, cl)));
        } else if (op instanceof IOKitDaemonLaunched) {
            matchDefer.daemonLaunched();
        } else {
            interrupts.perform(type, op);
        }
    }

    /** {@code publish}: a new entry under {@code parent}, then registerService. */
    private void publish(Publish p) {
        IORegistryEntry parent = sim.resolve(p.parent());
        if (parent == null) {
            sim.record(SCENARIO_ERROR, "", "action", Publish.TYPE.id(), "reason", "no entry at " + p.parent());
            return;
        }
        String cls = p.className() == null ? "IOService" : p.className();
        IORegistryEntry e = sim.registry().createEntry(cls, p.name() == null ? cls : p.name());
        e.setProperties(p.properties());
        if (p.location() != null) {
            e.setLocation(p.location());
        }
        sim.attach(e, parent);
        sim.registerService(e);
    }

    /** {@code emulate-driver}: the class's probe ({@code probe}: a score or "refuse") and start from now on. */
    private void emulateDriver(String type, EmulateDriver d) {
        String cls = d.className();
        String probe = JsonValue.text(d.probe());
        if (cls == null || cls.isBlank()) {
            sim.record(SCENARIO_ERROR, "", "action", type, "reason", "no class");
        } else if (probe != null && !probe.equals("refuse") && !probe.trim().matches("-?\\d{1,9}")) {
            sim.record(SCENARIO_ERROR, "", "action", type, "reason", "probe is a score or \"refuse\", not " + probe);
        } else {
            ScriptedDriver driver = ScriptedDriver.of(d);
            sim.emulate(cls, driver);
            sim.record(DRIVER_EMULATE, "", "class", cls, "probe", probe == null ? "keep" : probe,
                    "start", String.valueOf(driver.start()));
        }
    }

    /**
     * IOService::publishResource(key, value): IOResources gets the property (value default the symbol "IOService")
     * and registerService runs on it again, so resource-matched drivers match and waiting starts resume.
     */
    private void publishResource(String type, PublishResource r) {
        IORegistryEntry res = sim.ioResources();
        String key = r.key();
        if (res == null || key == null || key.isBlank()) {
            sim.record(SCENARIO_ERROR, "", "action", type, "reason", res == null ? "no IOResources" : "no key");
            return;
        }
        res.setProperty(key, r.value() == null ? OSString.of("IOService") : r.value());
        sim.record(RESOURCE_PUBLISH, sim.path(res), "key", key);
        sim.registerService(res);
    }

    /** Runs {@code f} on the entry at {@code client}, or journals that there is none. */
    private void withClient(String type, String client, Consumer<IORegistryEntry> f) {
        IORegistryEntry c = sim.resolve(client);
        if (c == null) {
            sim.record(SCENARIO_ERROR, "", "action", type, "reason", "no client at " + client);
        } else {
            f.accept(c);
        }
    }

    /** Runs {@code f} on the entry at {@code path}, or journals that there is none. */
    private void withEntry(String type, String path, Consumer<IORegistryEntry> f) {
        IORegistryEntry e = sim.resolve(path);
        if (e == null) {
            sim.record(SCENARIO_ERROR, "", "action", type, "reason", "no entry at " + path);
        } else {
            f.accept(e);
        }
    }

    /** Runs {@code f} on a small whole number ({@code absent} when not given), or journals why it is bad. */
    private void withIndex(String type, Long n, String absent, String bad, Consumer<Integer> f) {
        String v = n == null ? absent : n.toString();
        if (v.matches("\\d{1,9}")) {
            f.accept(Integer.parseInt(v));
        } else {
            sim.record(SCENARIO_ERROR, "", "action", type, "reason", bad + v);
        }
    }
}
