package dev.ioscope.cli;

import dev.ioscope.engine.machine.Machine;
import dev.ioscope.engine.machine.ScenarioMachines;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.machine.MachineAction;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.SimulationAccess;
import dev.ioscope.engine.spi.PaletteDevice;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every device the families offer in the palette plugs into a free slot of its bus on the booted virtual Mac and
 * gets its drivers: what a user of the Devices panel sees. The NVMe drive continues the BSD numbering (disk1).
 */
class VirtualMacPaletteTest {
    @Test
    void everyPaletteDevicePlugsIntoAFreeSlotOfItsBus() throws Exception {
        try (ScenarioMachines machines = ScenarioMachines.standard(null, Map.of())) {
            Machine m = machines.machine(new Scenario(null, null, List.of(), List.of(), 2_000_000));
            m.runUntilQuiet();
            IORegistryPlane svc = m.registry().plane(IORegistryPlane.IOSERVICE);
            assertThat(m.palette()).extracting(PaletteDevice::bus).contains("usb", "pci");
            for (PaletteDevice d : m.palette()) {
                IORegistryEntry slot = m.registry().entries().stream()
                        .filter(e -> e.inPlane(svc) && e.state().active())
                        .filter(e -> m.slot(e) != null && m.slot(e).bus().equals(d.bus()))
                        .filter(e -> e.children(svc).isEmpty())
                        .findFirst().orElseThrow(() -> new AssertionError("no free " + d.bus() + " slot"));
                String slotPath = RegistryPath.pathOf(m.registry(), slot, svc).orElseThrow();
                int before = m.journal().size();
                SimulationAccess.schedule(m.simulation(), new Scenario.Action(0,
                        new MachineAction.Plug(slotPath, JsonValue.of(d.device()))));
                m.runUntilQuiet();
                List<JournalEvent> mine = m.journal().subList(before, m.journal().size());
                assertThat(mine).as(d.label()).noneMatch(e -> e.kind().id().equals("scenario.error"));
                assertThat(mine).as(d.label()).anyMatch(e -> e.kind().id().equals("device.plug"));
                boolean driverless = d.label().contains("no driver");
                assertThat(mine.stream().anyMatch(e -> e.kind().id().equals("service.start"))).as(d.label())
                        .isEqualTo(!driverless);
            }
            List<String> bsd = m.registry().entries().stream().filter(e -> e.state().active())
                    .map(e -> e.property("BSD Name")).filter(v -> v instanceof OSString)
                    .map(v -> ((OSString) v).value()).toList();
            assertThat(bsd).contains("disk0", "disk0s1", "disk0s2", "disk1", "disk1s1", "disk1s2");
        }
    }
}
