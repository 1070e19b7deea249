package dev.ioscope.app.workbench.devices;

import dev.ioscope.app.workbench.PanelState;
import dev.ioscope.engine.machine.Machine;
import dev.ioscope.engine.machine.MachineActions;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.spi.PaletteDevice;

import java.util.ArrayList;
import java.util.List;

/**
 * What can be hot-plugged into a machine, copied on the engine thread: the families' ready-made devices and the
 * slots of the registry at a step (USB ports, PCI bridges), each with whether something is plugged in already.
 *
 * @param devices the palette, in family order
 * @param slots   the slot entries present, in registry order
 */
public record DevicePalette(List<PaletteDevice> devices, List<Slot> slots) {
    /** A machine loaded from a snapshot, or not built yet: nothing to plug. */
    public static final DevicePalette NONE = new DevicePalette(List.of(), List.of());
    /** The slots and devices the machine's families offer for hot-plug at the last stop. */
    public static final PanelState<DevicePalette> STATE = PanelState.atStops("device palette", NONE,
            DevicePalette::of);

    /**
     * One slot.
     *
     * @param path     its IOService path
     * @param bus      the devices it takes ("usb", "pci")
     * @param occupied whether a device already sits there (a USB port holds one; a bridge takes several)
     */
    public record Slot(String path, String className, String bus, boolean occupied) {
    }

    public DevicePalette {
        devices = List.copyOf(devices);
        slots = List.copyOf(slots);
    }

    /** The devices that fit a slot. */
    public List<PaletteDevice> devicesFor(Slot slot) {
        return devices.stream().filter(d -> d.bus().equals(slot.bus())).toList();
    }

    /** Engine thread only. */
    public static DevicePalette of(Simulation sim) {
        MachineActions.Hook hook = sim.extension(MachineActions.Hook.class);
        Machine m = hook == null ? null : hook.machine();
        if (m == null) {
            return NONE;
        }
        IORegistryPlane svc = sim.registry().findPlane(IORegistryPlane.IOSERVICE).orElse(null);
        if (svc == null) {
            return NONE;
        }
        List<Slot> slots = new ArrayList<>();
        for (IORegistryEntry e : sim.registry().entries()) {
            if (!e.inPlane(svc) || !e.state().active()) {
                continue;
            }
            var rule = m.slot(e);
            if (rule != null) {
                boolean occupied = rule.bus().equals("usb") && e.children(svc).stream().anyMatch(c -> c.state()
                        .active());
                RegistryPath.pathOf(sim.registry(), e, svc).ifPresent(p ->
                        slots.add(new Slot(p, e.className(), rule.bus(), occupied)));
            }
        }
        return new DevicePalette(m.palette(), slots);
    }
}
