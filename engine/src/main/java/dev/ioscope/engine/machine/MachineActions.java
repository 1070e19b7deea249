package dev.ioscope.engine.machine;

import static dev.ioscope.engine.journal.JournalKind.DEVICE_PLUG;
import static dev.ioscope.engine.journal.JournalKind.DEVICE_UNPLUG;
import static dev.ioscope.engine.journal.JournalKind.SCENARIO_ERROR;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.sim.ActionType;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.SimulationExtension;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.spi.DeviceSpec;
import dev.ioscope.engine.spi.HotPlugSlot;

import java.util.List;

/**
 * The scenario actions of a machine booted from a description (docs/scenarios.md "Devices"):
 * {@code {"do": "plug", "parent": SLOT, "device": {...}}} builds the device through its family's model, placed on
 * the slot by the slot's family (a USB port, a PCI bridge), and publishes it — matching follows on virtual time;
 * {@code {"do": "unplug", "path": NUB}} terminates it and its clients. Both are journaled as {@code device.plug} /
 * {@code device.unplug}. On a machine loaded from a snapshot they are reported as {@code scenario.error}.
 */
public final class MachineActions implements SimulationExtension {
    @Override
    public List<ActionType<?>> types() {
        return MachineAction.TYPES;
    }

    @Override
    public Instance install(Simulation sim) {
        return new Hook(sim);
    }

    /** Per simulation: the machine it belongs to, once {@link Machine} has attached itself. */
    public static final class Hook implements Instance {
        private final Simulation sim;
        private Machine machine;

        Hook(Simulation sim) {
            this.sim = sim;
        }

        void attach(Machine m) {
            machine = m;
        }

        /** The machine this simulation runs, or null (a snapshot or the empty platform). */
        public Machine machine() {
            return machine;
        }

        @Override
        public void perform(Scenario.Action a) {
            if (machine == null) {
                error(a, "needs a machine booted from a description (this one was loaded, not built)");
                return;
            }
            if (a.op() instanceof MachineAction.Unplug u) {
                IORegistryEntry nub = sim.resolve(u.path());
                if (nub == null || !nub.state().active()) {
                    error(a, "no active entry at " + u.path());
                    return;
                }
                sim.record(DEVICE_UNPLUG, sim.path(nub), "class", nub.className());
                machine.unplug(nub);
                return;
            }
            if (!(a.op() instanceof MachineAction.Plug p)) {
                error(a, "unknown action");
                return;
            }
            IORegistryEntry slot = sim.resolve(p.parent());
            if (slot == null || !slot.state().active()) {
                error(a, "no active entry at " + p.parent());
                return;
            }
            HotPlugSlot rule = machine.slot(slot);
            if (rule == null) {
                error(a, slot.className() + " is not a hot-plug slot (slots: " + machine.slotClasses() + ")");
                return;
            }
            if (p.device() == null) {
                error(a, "no \"device\" object");
                return;
            }
            try {
                // a device given as JSON text (as the workbench's palette holds it) is read as that JSON
                Object device = p.device().json().isTextual() ? p.device().text() : p.device().json();
                DeviceSpec spec = MachineReader.device(device, "plug", "device");
                IORegistryEntry provider = slot.parent(sim.registry().plane(IORegistryPlane.IOSERVICE));
                spec = rule.placement().place(spec, slot.className(), slot.properties(),
                        provider == null ? OSDictionary.empty() : provider.properties());
                IORegistryEntry e = machine.plug(slot, machine.model(spec));
                sim.record(DEVICE_PLUG, sim.path(e), "type", spec.type(), "slot", sim.path(slot));
            } catch (SnapshotException ex) {
                error(a, ex.getMessage());
            } catch (IllegalArgumentException ex) {
                error(a, String.valueOf(ex.getMessage()));
            }
        }

        private void error(Scenario.Action a, String reason) {
            sim.record(SCENARIO_ERROR, "", "action", a.type(), "reason", reason);
        }
    }
}
