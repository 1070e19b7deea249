package dev.ioscope.plugins.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioscope.engine.machine.Machine;
import dev.ioscope.engine.machine.MachineReader;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.spi.Contributions;
import dev.ioscope.engine.spi.DeviceNode;
import dev.ioscope.engine.spi.DeviceSpec;
import dev.ioscope.plugins.platform.PlatformFamily;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide's example family, booted the way docs/plugins.md shows. */
class ThermometerFamilyTest {
    static final String MACHINE = """
            {"name": "thermo", "platform": {"type": "platform", "cpus": 1, "children": [
              {"type": "example-thermometer", "sensor-id": 7, "millikelvin": 310150}]}}""";

    private static Machine boot() throws Exception {
        return Machine.boot(MachineReader.read(MACHINE.getBytes(StandardCharsets.UTF_8), "thermo.json"),
                Contributions.of(List.of(new PlatformFamily(), new ThermometerFamily())));
    }

    private static List<IORegistryEntry> ofClass(Machine m, String cls) {
        return m.registry().entries().stream().filter(e -> e.className().equals(cls))
                .filter(e -> e.state().active()).toList();
    }

    @Test
    void theThermometerIsPublishedMatchedAndItsDriverReadsIt() throws Exception {
        Machine m = boot();
        IORegistryEntry nub = ofClass(m, "ExampleThermometerDevice").get(0);
        assertThat(nub.name()).isEqualTo("THM0");
        IORegistryEntry driver = ofClass(m, "ExampleThermometerDriver").get(0);
        assertThat(driver.parent(m.registry().plane(IORegistryPlane.IOSERVICE))).isSameAs(nub);
        // 310.150 K = 37.00 °C
        assertThat(driver.property("Temperature")).isEqualTo(OSNumber.of32(3700));
        assertThat(m.journal()).anyMatch(e -> e.kind().id().equals("service.start")
                && "ExampleThermometerDriver".equals(e.details().get("class")));
    }

    @Test
    void hotPluggedThermometerWithoutSensorIdIsRefusedInProbe() throws Exception {
        Machine m = boot();
        IORegistryEntry expertDriver = ofClass(m, "AppleACPIPlatformExpert").get(0);
        String json = "{\"type\":\"example-thermometer\"}";
        var spec = new DeviceSpec("example-thermometer", null, null, null,
                new ObjectMapper().readTree(json), List.of(), "plug");
        var node = m.model(spec);
        // the model always writes sensor-id; remove it to stand for a broken device
        var props = OSDictionary.builder();
        node.properties().forEach((k, v) -> {
            if (!k.equals("sensor-id")) {
                props.put(k, v);
            }
        });
        var broken = new DeviceNode(node.className(), "BROKEN", null, props.build());
        m.plug(expertDriver, broken);
        m.runUntilQuiet();
        assertThat(m.journal()).anyMatch(e -> e.kind().id().equals("probe.refuse"));
        assertThat(ofClass(m, "ExampleThermometerDriver")).hasSize(1);
    }
}
