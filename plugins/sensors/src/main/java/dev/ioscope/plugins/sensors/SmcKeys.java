package dev.ioscope.plugins.sensors;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SMC's key space: four-character keys with a data type (also a 4CC: {@code sp78}, {@code fpe2}, {@code ui8 },
 * {@code ui32}), a size and big-endian value bytes, as the SMC firmware answers them. Values are a pure function of
 * virtual time (integer arithmetic only, so every run and every JVM gives the same bytes): the CPU proximity
 * sensor warms from 45 °C by 1/256 °C every 4 ms up to +25 °C with a ±0.5 °C wobble of period 1 s, and each fan
 * follows it (1200 rpm up to 50 °C, then +200 rpm per °C).
 */
public final class SmcKeys {
    /** One key as kSMCGetKeyInfo describes it. */
    public record KeyInfo(String key, String type, int size, int attributes) {
    }

    /** SMC key attribute bits: readable (0x80), function (0x10) — a sensor key is 0x80 | 0x10 on real SMCs. */
    static final int ATTR_READ = 0x80;
    static final int ATTR_FUNCTION = 0x10;

    private final int fans;
    private final int ambientC;
    private final List<KeyInfo> keys = new ArrayList<>();

    public SmcKeys(int fans, int ambientC) {
        if (fans < 0 || fans > 9) {
            throw new IllegalArgumentException("an SMC has 0..9 fans (keys F0Ac..F9Ac), not " + fans);
        }
        this.fans = fans;
        this.ambientC = ambientC;
        keys.add(new KeyInfo("#KEY", "ui32", 4, ATTR_READ));
        keys.add(new KeyInfo("FNum", "ui8 ", 1, ATTR_READ));
        for (int f = 0; f < fans; f++) {
            keys.add(new KeyInfo("F" + f + "Ac", "fpe2", 2, ATTR_READ | ATTR_FUNCTION));
            keys.add(new KeyInfo("F" + f + "Mn", "fpe2", 2, ATTR_READ));
        }
        keys.add(new KeyInfo("TA0P", "sp78", 2, ATTR_READ | ATTR_FUNCTION));
        keys.add(new KeyInfo("TC0P", "sp78", 2, ATTR_READ | ATTR_FUNCTION));
    }

    public List<KeyInfo> keys() {
        return List.copyOf(keys);
    }

    public KeyInfo info(String key) {
        return keys.stream().filter(k -> k.key().equals(key)).findFirst().orElse(null);
    }

    /** CPU proximity temperature in 1/256 °C at virtual time {@code nowNs}. */
    public long cpuTemp256(long nowNs) {
        long ms = nowNs / 1_000_000;
        long w = ms % 1000;
        long wobble = (w < 500 ? w : 1000 - w) * 256 / 500 - 128;   // triangle, -0.5 .. +0.5 °C
        return 45L * 256 + Math.min(ms / 4, 25L * 256) + wobble;
    }

    /** Fan {@code f}'s actual speed in rpm at {@code nowNs}. */
    public long fanRpm(int f, long nowNs) {
        long over = Math.max(0, cpuTemp256(nowNs) - 50L * 256);
        return 1200 + over * 200 / 256 + 37L * f;
    }

    /** The value bytes of {@code key} at {@code nowNs} (big-endian, as the SMC returns them), or null. */
    public byte[] read(String key, long nowNs) {
        KeyInfo k = info(key);
        if (k == null) {
            return null;
        }
        return switch (key) {
            case "#KEY" -> be(keys.size(), 4);
            case "FNum" -> be(fans, 1);
            case "TA0P" -> be((long) ambientC * 256, 2);           // sp78: signed 7.8 fixed point
            case "TC0P" -> be(cpuTemp256(nowNs), 2);
            default -> key.endsWith("Ac") ? be(fanRpm(key.charAt(1) - '0', nowNs) * 4, 2)   // fpe2: 14.2
                    : be(1200L * 4, 2);                                                      // FnMn
        };
    }

    /** The 4CC of a string as the SMC packs it in a UInt32 ('TC0P' = 0x54433050). */
    public static int fourCC(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length != 4) {
            throw new IllegalArgumentException("not a four-character code: \"" + s + "\"");
        }
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
    }

    public static String fourCC(int v) {
        return new String(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v},
                StandardCharsets.ISO_8859_1);
    }

    private static byte[] be(long v, int size) {
        byte[] out = new byte[size];
        for (int i = size - 1; i >= 0; i--, v >>= 8) {
            out[i] = (byte) v;
        }
        return out;
    }
}
