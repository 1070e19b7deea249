package dev.ioscope.engine.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The IOKitDebug flags (iokit/IOKit/IOKitDebug.h) a personality may carry to make XNU log its matching
 * (IOService::getDebugFlags reads the key from the personality, kIOLogMatch etc. gate the LOG calls in
 * probeCandidates). We do not log; the explanation lists what XNU would have logged.
 */
public final class IOKitDebug {
    private static final String[] NAMES = {"kIOLogAttach", "kIOLogProbe", "kIOLogStart", "kIOLogRegister",
        "kIOLogMatch", "kIOLogConfig", "kIOLogYield", "kIOLogPower", "kIOLogMapping", "kIOLogCatalogue",
        "kIOLogTracePower", "kIOLogDebugPower", "kIOLogServiceTree", "kIOLogDTree", "kIOLogMemory",
        "kIOLogKextMemory"};

    private IOKitDebug() {
    }

    public static List<String> flags(long value) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            if ((value & (1L << i)) != 0) {
                out.add(NAMES[i]);
            }
        }
        return out;
    }

    public static String describe(long value) {
        List<String> f = flags(value);
        return f.isEmpty() ? "no logging flags" : "XNU would log for this personality: " + String.join(", ", f);
    }
}
