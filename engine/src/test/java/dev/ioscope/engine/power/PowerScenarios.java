package dev.ioscope.engine.power;

import dev.ioscope.engine.sim.Replay;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.spi.PluginLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds power scenarios as JSON files (read by the real Scenario reader) for the power tests. */
final class PowerScenarios {
    /** A device: off (needs nothing), idle (low power), on (usable; needs kIOPMPowerOn from the parent). */
    static final String DEVICE = "[{\"capabilityFlags\":0,\"outputPowerCharacter\":0,\"inputPowerRequirement\":0},"
            + "{\"capabilityFlags\":\"kIOPMLowPower\",\"outputPowerCharacter\":\"kIOPMLowPower\","
            + "\"inputPowerRequirement\":\"kIOPMPowerOn\"},"
            + "{\"capabilityFlags\":\"kIOPMPowerOn|kIOPMDeviceUsable\",\"outputPowerCharacter\":\"kIOPMPowerOn\","
            + "\"inputPowerRequirement\":\"kIOPMPowerOn\"}]";

    private PowerScenarios() {
    }

    static String publish(long at, String parent, String name) {
        return "{\"at\":" + at + ",\"do\":\"publish\",\"parent\":\"" + parent + "\",\"name\":\"" + name + "\"}";
    }

    /** power-register with the DEVICE table and extra "key":value pairs (already JSON). */
    static String register(long at, String path, String extra) {
        return "{\"at\":" + at + ",\"do\":\"power-register\",\"path\":\"" + path + "\",\"states\":" + DEVICE
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static String action(long at, String what, String extra) {
        return "{\"at\":" + at + ",\"do\":\"" + what + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static Scenario scenario(List<String> actions) throws Exception {
        Path dir = Files.createTempDirectory("ioscope-power");
        Path f = dir.resolve("s.json");
        Files.writeString(f, "{\"maxSteps\":2000000,\"actions\":[" + String.join(",", actions) + "]}");
        Scenario s = Scenario.read(f);
        Files.delete(f);
        Files.delete(dir);
        return s;
    }

    static Simulation run(List<String> actions) throws Exception {
        Simulation sim = Simulation.of(scenario(actions), Map.of(), PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        return sim;
    }

    static Replay replay(List<String> actions) throws Exception {
        return new Replay(scenario(actions), Map.of(), PluginLoader.builtInExtensions());
    }

    static PowerManager pm(Simulation sim) {
        return sim.extension(PowerManager.class);
    }
}
