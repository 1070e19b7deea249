package dev.ioscope.engine.power;

/**
 * A driver registered with registerInterestedDriver, as emulated: what powerStateWillChangeTo /
 * powerStateDidChangeTo return (0 = IOPMAckImplied, else µs it needs) and when it calls acknowledgePowerChange
 * (µs after the notification, -1 never).
 */
public record InterestedDriver(String name, long returnUs, long ackUs) {
    /** {@code Name} or {@code Name:returnUs:ackUs} (scenario form). */
    public static InterestedDriver parse(String spec) {
        String[] p = spec.trim().split(":");
        if (p.length == 1) {
            return new InterestedDriver(p[0], 0, 0);
        }
        if (p.length != 3) {
            throw new IllegalArgumentException("interested driver \"" + spec + "\" is Name or Name:returnUs:ackUs");
        }
        return new InterestedDriver(p[0], Long.parseLong(p[1]), Long.parseLong(p[2]));
    }
}
