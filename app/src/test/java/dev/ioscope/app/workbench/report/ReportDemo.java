package dev.ioscope.app.workbench.report;

import dev.ioscope.engine.report.IOHistogramReporter;
import dev.ioscope.engine.report.IOHistogramSegmentConfig;
import dev.ioscope.engine.report.IOReportHub;
import dev.ioscope.engine.report.IOReportTypes;
import dev.ioscope.engine.report.IOReportUnit;
import dev.ioscope.engine.report.IOSimpleReporter;
import dev.ioscope.engine.report.IOStateReporter;
import dev.ioscope.engine.sim.DriverBehavior;
import dev.ioscope.engine.sim.IOTimerEventSource;
import dev.ioscope.engine.sim.IOWorkLoop;
import dev.ioscope.engine.sim.Scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A driver that publishes IOReport channels and moves them on virtual time (tests and the dashboard bench):
 * "Demo / Counters" (Ticks, Bytes), "Demo / Power" (a 3-state channel, a transition every third tick),
 * "Demo / Latency" (a 10-bucket histogram, 100 µs wide) and, for load, {@code bulk} more simple channels in
 * group "Bulk" (subgroups of 50). One IOTimerEventSource tick per {@code periodNs}: Ticks += 1, Bytes += 4096,
 * one latency tallied from a fixed sequence, every bulk channel set; {@code ticks} ticks in all, so a run ends.
 * Its nub "reportdemo" is published at 1 µs; the driver starts at 3 µs and ticks first at 3 µs + period.
 */
final class ReportDemo {
    static final String CLASS = "IOReportDemo";
    static final long TICKS = IOReportTypes.makeId("Ticks");
    static final long BYTES = IOReportTypes.makeId("Bytes");
    static final long PSTATE = IOReportTypes.makeId("PState");
    static final long LATENCY = IOReportTypes.makeId("Latency");
    static final String KEXT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <plist version="1.0"><dict>
              <key>CFBundleIdentifier</key><string>dev.ioscope.test.reportdemo</string>
              <key>IOKitPersonalities</key><dict>
                <key>IOReportDemo</key><dict><key>IOClass</key><string>IOReportDemo</string>
                  <key>IOProviderClass</key><string>IOService</string>
                  <key>IONameMatch</key><string>reportdemo</string></dict>
              </dict></dict></plist>
            """;

    private ReportDemo() {
    }

    static Scenario scenario(Path dir, long maxSteps) throws Exception {
        Files.writeString(dir.resolve("Info.plist"), KEXT);
        Files.writeString(dir.resolve("demo.json"), "{\"machine\":\"empty\",\"kexts\":[\"Info.plist\"],"
                + "\"maxSteps\":" + maxSteps
                + ",\"actions\":[{\"at\":1000,\"do\":\"publish\",\"parent\":\"IOService:/\","
                + "\"name\":\"reportdemo\"}]}");
        return Scenario.read(dir.resolve("demo.json"));
    }

    static Map<String, DriverBehavior> behaviors(int ticks, long periodNs, int bulk) {
        return Map.of(CLASS, ctx -> {
            IOReportHub hub = ctx.reportHub();
            long id = ctx.self().registryEntryID();
            IOSimpleReporter counters = new IOSimpleReporter(id, IOReportTypes.kIOReportCategoryTraffic,
                    IOReportUnit.kIOReportUnitEvents, ctx::now);
            counters.addChannel(TICKS, "Ticks");
            counters.addChannel(BYTES, "Bytes");
            hub.addReporterLegend(CLASS, counters, "Demo", "Counters");
            IOStateReporter power = new IOStateReporter(id, IOReportTypes.kIOReportCategoryPower, 3,
                    IOReportUnit.kIOReportUnit_ns, ctx::now);
            power.addChannel(PSTATE, "Power State");
            hub.addReporterLegend(CLASS, power, "Demo", "Power");
            IOHistogramReporter latency = IOHistogramReporter.with(id, IOReportTypes.kIOReportCategoryPerformance,
                    LATENCY, "Latency", IOReportUnit.kIOReportUnit_ns,
                    List.of(new IOHistogramSegmentConfig(100_000, 0, 0, 10)), ctx::now);
            hub.addReporterLegend(CLASS, latency, "Demo", "Latency");
            IOSimpleReporter[] groups = new IOSimpleReporter[(bulk + 49) / 50];
            for (int i = 0; i < bulk; i++) {
                if (i % 50 == 0) {
                    groups[i / 50] = new IOSimpleReporter(id, IOReportTypes.kIOReportCategoryDebug,
                            IOReportUnit.kIOReportUnitEvents, ctx::now);
                    hub.addReporterLegend(CLASS, groups[i / 50], "Bulk", "block " + (i / 50));
                }
                groups[i / 50].addChannel(1000 + i, "bulk " + i);
            }
            IOWorkLoop wl = ctx.workLoops().create(ctx.self());
            long[] n = {0};
            IOTimerEventSource t = new IOTimerEventSource(ctx.self(), "ReportDemoTick", src -> {
                long k = ++n[0];
                counters.incrementValue(TICKS, 1);
                counters.incrementValue(BYTES, 4096);
                latency.tallyValue(50_000 + (k * 7919 % 13) * 70_000);
                if (k % 3 == 0) {
                    power.setChannelState(PSTATE, (int) (k / 3 % 3));
                }
                for (int i = 0; i < bulk; i++) {
                    groups[i / 50].setValue(1000 + i, (k * (i + 1)) % 1000);
                }
                if (k < ticks) {
                    src.setTimeout(periodNs);
                }
            });
            wl.addEventSource(t);
            power.setChannelState(PSTATE, 2);
            t.setTimeout(periodNs);
            return true;
        });
    }
}
