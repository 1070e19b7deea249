package dev.ioscope.engine.power;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ioscope.engine.power.PowerScenarios.*;

class PowerTryTest {
    @Test
    void show() throws Exception {
        var sim = run(List.of(publish(0, "IOService:/", "bus"), publish(0, "IOService:/bus", "dev"),
                register(10_000, "IOService:/bus", "\"desire\":\"0\""),
                register(10_000, "IOService:/bus/dev", "\"desire\":\"0\",\"setPowerStateUs\":\"150000\",\"ackUs\":\"-1\",\"interested\":\"Watcher\""),
                action(1_000_000, "request", "\"path\":\"IOService:/bus/dev\",\"state\":\"2\""),
                action(2_000_000_000L, "sleep", ""), action(3_000_000_000L, "wake", "")));
        sim.journal().stream().filter(e -> e.kind().startsWith("power") || e.kind().startsWith("scen")).forEach(e -> System.out.println(e.line()));
        System.out.println(sim.registry().root().children(sim.registry().plane("IOPower")));
    }
}
