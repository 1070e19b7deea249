package dev.ioscope.engine.machine;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.power.IOPMPowerState;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.service.driverkit.UserResources;
import dev.ioscope.engine.sim.DriverBehavior;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.SimulationAccess;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.spi.Contributions;
import dev.ioscope.engine.spi.DeviceModel;
import dev.ioscope.engine.spi.DeviceNode;
import dev.ioscope.engine.spi.DeviceSpec;
import dev.ioscope.engine.spi.HotPlugSlot;
import dev.ioscope.engine.spi.PaletteDevice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A machine built from a description and the families' contributions, running on the emulation core's
 * virtual time. Booting is I/O Kit's own sequence: the platform expert device is registered, matching finds
 * its driver, whose start publishes the next nubs (PCI host bridge, CPUs...), whose drivers publish theirs, and
 * so on until the registry is quiet. The device models only say which nubs each driver publishes; which
 * driver that is comes from the personalities.
 */
public final class Machine {
    /** A bound on scheduler steps: a machine whose drivers republish forever still ends. */
    static final long MAX_STEPS = 2_000_000;

    private final Simulation sim;
    private final IORegistry registry;
    private final IORegistryPlane service;
    private final Contributions contributions;
    private final Map<IORegistryEntry, DeviceNode> nodes = new IdentityHashMap<>();
    private final Set<IORegistryEntry> expanded = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, Integer> counters = new HashMap<>();
    /** Driver class → its power states, from the families' "power" tables (parsed once per machine). */
    private final Map<String, List<IOPMPowerState>> powerTables = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final String name;

    private Machine(String name, Contributions c, Scenario scenario, Map<String, DriverBehavior> extra)
            throws SnapshotException {
        this.name = name;
        this.contributions = c;
        Map<String, DriverBehavior> wrapped = new LinkedHashMap<>();
        Set<String> classes = new LinkedHashSet<>(c.behaviors().keySet());
        for (Personality p : c.personalities()) {
            if (p.ioClass() != null) {
                classes.add(p.ioClass());
            }
        }
        for (String cls : classes) {
            wrapped.put(cls, new Publisher(c.behaviors().get(cls)));
        }
        extra.forEach(wrapped::putIfAbsent);
        // the scenario's kexts and actions are scheduled on the machine's own clock; its snapshot is not used
        this.sim = Simulation.of(new Scenario(scenario.file(), null, scenario.kexts(), scenario.actions(),
                scenario.maxSteps(), Scenario.EMPTY_MACHINE), wrapped, c.extensions());
        MachineActions.Hook hook = sim.extension(MachineActions.Hook.class);
        if (hook != null) {
            hook.attach(this);
        }
        this.registry = sim.registry();
        this.service = registry.plane(IORegistryPlane.IOSERVICE);
        for (Contributions.ClassEntry e : c.classes()) {
            registry.classes().define(e.className(), e.superClass());
        }
        c.personalities().forEach(sim.catalogue()::add);
        problems.addAll(c.problems());
        for (Contributions.Table t : c.tables("power")) {
            try {
                powerTables.put(t.className(), PowerTables.parse(t.className(), t.table()));
            } catch (IllegalArgumentException e) {
                problems.add(t.family() + ": " + e.getMessage());
            }
        }
    }

    /** Builds the machine and registers its platform expert; nothing has matched yet (see {@link #boot}). */
    public static Machine build(MachineDescription d, Contributions c) throws SnapshotException {
        return build(d, c, new Scenario(null, null, List.of(), List.of(), MAX_STEPS), Map.of());
    }

    /**
     * Builds the machine with a scenario's kexts and actions scheduled on its clock (the boot runs from time 0,
     * interleaved with actions due then) and {@code extra} behaviours for classes no family emulates.
     */
    public static Machine build(MachineDescription d, Contributions c, Scenario scenario,
                                Map<String, DriverBehavior> extra) throws SnapshotException {
        Machine m = new Machine(d.name(), c, scenario, extra);
        DeviceNode platform;
        try {
            platform = m.model(d.platform());
        } catch (IllegalArgumentException e) {
            throw new SnapshotException(d.source(), d.platform().place(), e.getMessage());
        }
        IORegistryEntry expert = m.registry.root().children(m.service).stream()
                .filter(e -> e.className().equals("IOPlatformExpertDevice")).findFirst().orElseThrow();
        expert.setClassName(platform.className());
        expert.setName(platform.name());
        expert.setProperties(platform.properties());
        m.nodes.put(expert, platform);
        m.attachPlanes(expert, platform);
        SimulationAccess.registerService(m.sim, expert);
        // IOResources is registered too, so resource-matched drivers (IOResourceMatch) start at boot.
        m.registry.root().children(m.service).stream().flatMap(x -> x.children(m.service).stream())
                .filter(e -> e.className().equals("IOResources")).findFirst()
                .ifPresent(r -> SimulationAccess.registerService(m.sim, r));
        // and IOUserResources, the dexts' resource nub, as publishUserResource("IOKit") registers it (DK9)
        UserResources.find(m.registry).ifPresent(r -> SimulationAccess.registerService(m.sim, r));
        return m;
    }

    /** Builds and runs until the registry is quiet. */
    public static Machine boot(MachineDescription d, Contributions c) throws SnapshotException {
        Machine m = build(d, c);
        m.runUntilQuiet();
        return m;
    }

    /** Builds a device through the model its type names (for hot-plug, or a model building its children). */
    public DeviceNode model(DeviceSpec spec) {
        DeviceModel model = contributions.models().get(spec.type());
        if (model == null) {
            throw new IllegalArgumentException(spec.place() + ": no family models device type \"" + spec.type()
                    + "\" (known: " + String.join(", ", contributions.models().keySet()) + ")");
        }
        DeviceNode n = model.build(spec, new DeviceModel.ModelBuilder() {
            @Override
            public DeviceNode build(DeviceSpec child) {
                return model(child);
            }

            @Override
            public int next(String counter) {
                return counters.merge(counter, 1, Integer::sum) - 1;
            }
        });
        return n.withProperties(spec.properties(), spec.name(), spec.location());
    }

    public void runUntilQuiet() {
        sim.runUntilQuiet();
    }

    /** Hot-plug: publishes {@code node} under {@code provider} now; matching follows on virtual time. */
    public IORegistryEntry plug(IORegistryEntry provider, DeviceNode node) {
        IORegistryEntry e = registry.createEntry(node.className(), node.name());
        e.setProperties(node.properties());
        if (node.location() != null) {
            e.setLocation(node.location());
        }
        registry.attach(e, provider, service);
        nodes.put(e, node);
        attachPlanes(e, node);
        SimulationAccess.registerService(sim, e);
        if (node.isAttachingChildren() && expanded.add(e)) {
            for (DeviceNode c : node.children()) {
                plug(e, c);
            }
        }
        return e;
    }

    /** Hot-unplug: terminates the nub and its clients; they leave the other planes at once. */
    public void unplug(IORegistryEntry nub) {
        List<IORegistryEntry> subtree = new ArrayList<>();
        collect(nub, subtree);
        for (IORegistryEntry e : subtree) {
            for (IORegistryPlane p : List.copyOf(e.planes())) {
                if (p != service) {
                    registry.detachAll(e, p);
                }
            }
        }
        SimulationAccess.terminate(sim, nub);
    }

    private void collect(IORegistryEntry e, List<IORegistryEntry> out) {
        out.add(e);
        for (IORegistryEntry c : e.children(service)) {
            collect(c, out);
        }
    }

    /** An entry by path ("IOService:/..." or a path in the service plane). */
    public IORegistryEntry find(String path) {
        String full = path.contains(":") ? path : "IOService:" + path;
        return RegistryPath.fromPath(registry, full, service).orElse(null);
    }

    public IORegistry registry() {
        return registry;
    }

    public Simulation simulation() {
        return sim;
    }

    public List<JournalEvent> journal() {
        return sim.journal();
    }

    /** The hot-plug rule of a slot entry: its class's, or the nearest superclass's that has one; null if none. */
    public HotPlugSlot slot(IORegistryEntry e) {
        for (String cls : registry.classes().chain(e.className())) {
            HotPlugSlot s = contributions.slots().get(cls);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /** The classes devices can be plugged under, in family order. */
    public List<String> slotClasses() {
        return List.copyOf(contributions.slots().keySet());
    }

    /** The families' ready-made devices for hot-plug. */
    public List<PaletteDevice> palette() {
        return List.copyOf(contributions.palette());
    }

    /** Conflicts between families and failed registrations (the machine still boots without them). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The device node an entry was published from, or null (drivers, entries of other origin). */
    public DeviceNode nodeOf(IORegistryEntry e) {
        return nodes.get(e);
    }

    /** The registry as a snapshot (a booted machine; writers choose their own format). */
    public Snapshot snapshot() {
        return new Snapshot(registry, SnapshotFormat.BOOTED_MACHINE, OSDictionary.of("machine",
                OSString.of(name)), name);
    }

    private void attachPlanes(IORegistryEntry e, DeviceNode node) {
        for (String planeName : node.planes()) {
            IORegistryPlane plane = registry.plane(planeName);
            IORegistryEntry up = e.parent(service);
            while (up != null && !up.inPlane(plane)) {
                up = up.parent(service);
            }
            IORegistryEntry parent = up == null ? registry.root() : up;
            String under = node.underIn(planeName);
            if (under != null) {
                parent = parent.children(plane).stream().filter(c -> c.name(plane).equals(under)).findFirst()
                        .orElse(parent);
            }
            registry.attach(e, parent, plane);
            if (node.nameIn(planeName) != null) {
                e.setName(plane, node.nameIn(planeName));
            }
        }
        for (Map.Entry<String, DeviceNode> pe : node.planeEntries()) {
            attachPlaneOnly(e, pe.getValue(), registry.plane(pe.getKey()));
        }
    }

    private void attachPlaneOnly(IORegistryEntry parent, DeviceNode node, IORegistryPlane plane) {
        IORegistryEntry e = registry.createEntry(node.className(), node.name());
        e.setProperties(node.properties());
        if (registry.classes().conformsTo(node.className(), "IOService")) {
            // an IOService nobody registers (IODeviceTree "chosen", IOACPIPlane "_SB"): ioreg prints it
            // "!registered, !matched, active, busy 0", as on a Mac
            e.setState(new EntryState(true, false, false, true, 0, -1, -1));
        }
        if (node.location() != null) {
            e.setLocation(node.location());
        }
        registry.attach(e, parent, plane);
        for (DeviceNode c : node.children()) {
            attachPlaneOnly(e, c, plane);
        }
    }

    /**
     * Every driver class runs inside one of these: the family's behaviour first (which may refuse in probe or
     * fail start), then, once per nub, the nubs the machine model put behind it are published under the driver.
     */
    private final class Publisher implements DriverBehavior {
        private final DriverBehavior inner;

        Publisher(DriverBehavior inner) {
            this.inner = inner;
        }

        @Override
        public Integer probe(DriverContext ctx, int score) {
            // not a conditional expression: "c ? int : Integer" unboxes, so a refusal (null) would throw
            if (inner == null) {
                return score;
            }
            return inner.probe(ctx, score);
        }

        @Override
        public boolean start(DriverContext ctx) {
            if (inner != null && !inner.start(ctx)) {
                return false;
            }
            List<IOPMPowerState> states = powerTables.get(ctx.self().className());
            if (states != null) {
                try {
                    PowerTables.join(sim, ctx.self(), states, inner == null ? null
                            : (from, to) -> inner.setPowerState(ctx, from, to));
                } catch (RuntimeException e) {
                    // a bad table (PowerTableException) fails this driver's power management, not its start
                    problems.add(ctx.self().className() + ": power management: " + e.getMessage());
                }
            }
            DeviceNode n = nodes.get(ctx.provider());
            if (n != null && expanded.add(ctx.provider())) {
                for (DeviceNode child : n.children()) {
                    plug(ctx.self(), child);
                }
            }
            if (contributions.registersItself(ctx.self().className())) {
                // registerService() at the end of start, as most drivers do: ioreg shows it "registered"
                SimulationAccess.registerService(sim, ctx.self());
            }
            return true;
        }

        @Override
        public void stop(DriverContext ctx) {
            if (inner != null) {
                inner.stop(ctx);
            }
            expanded.remove(ctx.provider());
        }
    }
}
