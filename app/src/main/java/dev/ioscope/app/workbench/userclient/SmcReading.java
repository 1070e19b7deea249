package dev.ioscope.app.workbench.userclient;

import java.util.Optional;

/**
 * An SMC value in its unit, read by the key's data type as AppleSMC user tools decode them (the SMC returns
 * values big-endian): {@code sp78} signed 7.8 fixed point (temperatures, °C), {@code fpe2} unsigned 14.2 fixed point
 * (fan speeds, rpm), {@code ui8 }/{@code ui16}/{@code ui32} unsigned integers, {@code flag} a boolean. The console
 * adds it to an {@code SMCParamStruct} answer whose {@code keyInfo.dataType} names one of these.
 */
enum SmcReading {
    SP78("sp78", 2) {
        @Override
        String read(long be) {
            return trim((short) be / 256.0) + " °C";
        }
    },
    FPE2("fpe2", 2) {
        @Override
        String read(long be) {
            return trim(be / 4.0) + " rpm";
        }
    },
    UI8("ui8 ", 1),
    UI16("ui16", 2),
    UI32("ui32", 4),
    FLAG("flag", 1) {
        @Override
        String read(long be) {
            return be != 0 ? "true" : "false";
        }
    };

    private final String fourCC;
    private final int size;

    SmcReading(String fourCC, int size) {
        this.fourCC = fourCC;
        this.size = size;
    }

    /** Unsigned integers read as themselves. */
    String read(long be) {
        return Long.toString(be);
    }

    /** The reading of {@code bytes} from {@code offset} for the data type {@code fourCC}, if it is one of these. */
    static Optional<String> of(String fourCC, byte[] bytes, int offset) {
        for (SmcReading r : values()) {
            if (r.fourCC.equals(fourCC) && bytes.length >= offset + r.size) {
                long v = 0;
                for (int i = 0; i < r.size; i++) {
                    v = v << 8 | (bytes[offset + i] & 0xff);
                }
                return Optional.of(r.read(v));
            }
        }
        return Optional.empty();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(Math.round(v * 100) / 100.0);
    }
}
