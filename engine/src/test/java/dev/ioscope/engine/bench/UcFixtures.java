package dev.ioscope.engine.bench;

import dev.ioscope.engine.report.IOHistogramReporter;
import dev.ioscope.engine.report.IOHistogramSegmentConfig;
import dev.ioscope.engine.report.IOReportHub;
import dev.ioscope.engine.report.IOReportSubscription;
import dev.ioscope.engine.report.IOReportTypes;
import dev.ioscope.engine.report.IOReportUnit;
import dev.ioscope.engine.report.IOSimpleReporter;
import dev.ioscope.engine.report.IOStateReporter;
import dev.ioscope.engine.userclient.IOConnect;
import dev.ioscope.engine.userclient.IOExternalMethodDispatch;
import dev.ioscope.engine.userclient.IOKitUser;
import dev.ioscope.engine.userclient.IOUserClient;
import dev.ioscope.engine.userclient.UserClientProvider;
import dev.ioscope.engine.userclient.VirtualTimeSink;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/** Shared set-ups for the user-client / data-queue / IOReport benchmarks. */
final class UcFixtures {
    private UcFixtures() {
    }

    /** A connection to a client whose selector 0 adds two scalars and selector 1 echoes a variable structure. */
    static IOConnect connection() {
        List<IOExternalMethodDispatch> table = List.of(
                IOExternalMethodDispatch.of((t, r, a) -> {
                    a.scalarOutput[0] = a.scalarInput[0] + a.scalarInput[1];
                    return 0;
                }, 2, 0, 1, 0),
                IOExternalMethodDispatch.of((t, r, a) -> {
                    int n = Math.min(a.structureInputSize, a.structureOutput.length);
                    System.arraycopy(a.structureInput, 0, a.structureOutput, 0, n);
                    a.structureOutputSize = n;
                    return 0;
                }, 0, IOExternalMethodDispatch.kIOUCVariableStructureSize, 0,
                        IOExternalMethodDispatch.kIOUCVariableStructureSize));
        VirtualTimeSink none = new VirtualTimeSink() {
            @Override
            public long now() {
                return 0;
            }

            @Override
            public void after(long delayNs, String what, Runnable action) {
            }
        };
        return new IOKitUser(Set.of(), none).serviceOpen(type -> new UserClientProvider.NewUserClient(0,
                new IOUserClient(type, table) {
                }), 0).connect();
    }

    /** 500 channels: 300 simple counters, 100 four-state channels, 100 eight-bucket histograms. */
    record Reports(IOReportHub hub, List<IOSimpleReporter> simple, List<IOStateReporter> states,
            List<IOHistogramReporter> histograms, IOReportSubscription subscription) {
    }

    static Reports reports(LongSupplier clock) {
        IOReportHub hub = new IOReportHub();
        List<IOSimpleReporter> simple = new ArrayList<>();
        List<IOStateReporter> states = new ArrayList<>();
        List<IOHistogramReporter> hist = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            IOSimpleReporter s = new IOSimpleReporter(r, IOReportTypes.kIOReportCategoryPower,
                    IOReportUnit.kIOReportUnit_mJ, clock);
            for (int c = 0; c < 30; c++) {
                s.addChannel(c, "energy " + r + "." + c);
            }
            simple.add(s);
            hub.addReporterLegend("drv" + r, s, "Energy Model", null);
            IOStateReporter st = new IOStateReporter(r, IOReportTypes.kIOReportCategoryPower, 4,
                    IOReportUnit.kIOReportUnit_ns, clock);
            for (int c = 0; c < 10; c++) {
                st.addChannel(100 + c, "pstate " + r + "." + c);
            }
            states.add(st);
            hub.addReporterLegend("drv" + r, st, "CPU Stats", "States");
        }
        for (int h = 0; h < 100; h++) {
            IOHistogramReporter hr = IOHistogramReporter.with(1000 + h, IOReportTypes.kIOReportCategoryPerformance, 1,
                    "lat " + h, IOReportUnit.kIOReportUnit_us, List.of(new IOHistogramSegmentConfig(10, 0, 0, 4),
                            new IOHistogramSegmentConfig(100, 1, 1, 4)), clock);
            hist.add(hr);
            hub.addReporterLegend("nvme" + h, hr, "Storage", "Latency");
        }
        var channels = IOReportSubscription.copyChannelsInGroup(hub, null, null);
        if (channels.size() != 500) {
            throw new IllegalStateException("expected 500 channels, got " + channels.size());
        }
        return new Reports(hub, simple, states, hist, IOReportSubscription.create(hub, channels, clock));
    }
}
