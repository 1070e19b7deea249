package dev.ioscope.engine.power;

/** A driver's power state array that registerPowerDriver refuses: which driver, which state (-1: the whole table). */
public final class PowerTableException extends IllegalArgumentException {
    private final String driver;
    private final int state;

    public PowerTableException(String driver, int state, String problem) {
        super(driver + (state >= 0 ? " power state " + state : " power state array") + ": " + problem);
        this.driver = driver;
        this.state = state;
    }

    public String driver() {
        return driver;
    }

    public int state() {
        return state;
    }
}
