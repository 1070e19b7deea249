package dev.ioscope.engine.power.bench;

import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.spi.PluginLoader;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Bench main (test classes): N power-managed devices (buses of 50 devices each, every fifth device with two
 * children of its own) under the root domain; one system sleep and one wake. Times the sleep + wake part only
 * (from the sleep action to the last event), median of runs after warm-ups, wall and thread CPU time.
 * Usage: {@code PowerBench [devices...]} (default 1000 2000 5000).
 */
public final class PowerBench {
    static final String DEVICE = "[{\"capabilityFlags\":0,\"outputPowerCharacter\":0,\"inputPowerRequirement\":0},"
            + "{\"capabilityFlags\":\"kIOPMLowPower\",\"outputPowerCharacter\":\"kIOPMLowPower\","
            + "\"inputPowerRequirement\":\"kIOPMPowerOn\"},"
            + "{\"capabilityFlags\":\"kIOPMPowerOn|kIOPMDeviceUsable\",\"outputPowerCharacter\":\"kIOPMPowerOn\","
            + "\"inputPowerRequirement\":\"kIOPMPowerOn\"}]";
    static final long SLEEP_AT = 1_000_000_000L;
    static final long WAKE_AT = 2_000_000_000L;

    private PowerBench() {
    }

    /** The scenario: a tree of exactly {@code devices} power-managed services. */
    public static Scenario scenario(int devices) throws Exception {
        List<String> a = new ArrayList<>();
        int made = 0;
        for (int b = 0; made < devices; b++) {
            String bus = "IOService:/bus" + b;
            a.add(pub("IOService:/", "bus" + b));
            a.add(reg(bus));
            made++;
            for (int d = 0; d < 50 && made < devices; d++) {
                String dev = bus + "/dev" + d;
                a.add(pub(bus, "dev" + d));
                a.add(reg(dev));
                made++;
                for (int c = 0; d % 5 == 0 && c < 2 && made < devices; c++) {
                    a.add(pub(dev, "fn" + c));
                    a.add(reg(dev + "/fn" + c));
                    made++;
                }
            }
        }
        a.add("{\"at\":" + SLEEP_AT + ",\"do\":\"sleep\"}");
        a.add("{\"at\":" + WAKE_AT + ",\"do\":\"wake\"}");
        Path dir = Files.createTempDirectory("ioscope-powerbench");
        Path f = dir.resolve("s.json");
        Files.writeString(f, "{\"maxSteps\":50000000,\"actions\":[" + String.join(",", a) + "]}");
        Scenario s = Scenario.read(f);
        Files.delete(f);
        Files.delete(dir);
        return s;
    }

    private static String pub(String parent, String name) {
        return "{\"at\":0,\"do\":\"publish\",\"parent\":\"" + parent + "\",\"name\":\"" + name + "\"}";
    }

    /**
     * A device whose driver asks for its highest state and registers for the system's sleep/wake messages
     * (registerSleepWakeInterest), so that every device still hears all four messages (rules PM5, PM13).
     */
    private static String reg(String path) {
        return "{\"at\":100000,\"do\":\"power-register\",\"path\":\"" + path + "\",\"desire\":2,\"states\":"
                + DEVICE + "},{\"at\":100000,\"do\":\"sleep-interest\",\"client\":\"" + path
                + "\",\"interest\":\"general\",\"path\":\"" + path + "\"}";
    }

    /** One run: {wall ns, cpu ns, events, asleep devices at the low point} for the sleep + wake part. */
    static long[] once(Scenario s, ThreadMXBean mx) throws Exception {
        Simulation sim = Simulation.of(s, Map.of(), PluginLoader.builtInExtensions());
        while (sim.scheduler().nextDue() >= 0 && sim.scheduler().nextDue() < SLEEP_AT && sim.step()) {
            // set-up: publish, match, register, initial power changes
        }
        int before = sim.journal().size();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        sim.runUntilQuiet();
        long wall = System.nanoTime() - t0;
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        List<JournalEvent> j = sim.journal();
        long asleep = j.stream().filter(e -> e.kind().id().equals("power.system-asleep")).count();
        long awake = j.stream().filter(e -> e.kind().id().equals("power.system-awake")).count();
        if (asleep != 1 || awake != 1) {
            throw new IllegalStateException("sleep/wake did not complete");
        }
        long downs = j.stream().filter(e -> e.kind().id().equals("power.set-power-state") && e.t() >= SLEEP_AT
                && e.t() < WAKE_AT && e.details().get("to").equals("0")).count();
        return new long[] {wall, cpu, j.size() - before, downs};
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {1000, 2000, 5000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.println("| devices | journal events (sleep+wake) | devices powered down | wall ms | CPU ms |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int n : sizes) {
            Scenario s = scenario(n);
            for (int w = 0; w < 3; w++) {
                once(s, mx);
            }
            int runs = 7;
            long[] wall = new long[runs];
            long[] cpu = new long[runs];
            long[] last = null;
            for (int r = 0; r < runs; r++) {
                last = once(s, mx);
                wall[r] = last[0];
                cpu[r] = last[1];
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            System.out.printf("| %d | %d | %d | %.1f | %.1f |%n", n, last[2], last[3], wall[runs / 2] / 1e6,
                    cpu[runs / 2] / 1e6);
        }
    }
}
