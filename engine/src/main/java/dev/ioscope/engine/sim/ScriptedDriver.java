package dev.ioscope.engine.sim;

/**
 * A driver's code declared by the scenario action {@code emulate-driver} (docs/scenarios.md): what its probe
 * returns (keep the score, a new score, or refuse) and whether start succeeds. It replaces any other emulated
 * code for the class, so a scenario can put a driver author's "what if" to the life cycle.
 *
 * @param newScore the score probe returns; null keeps the one it was given
 * @param refuse   probe returns no driver
 * @param start    what start returns
 */
record ScriptedDriver(Integer newScore, boolean refuse, boolean start) implements DriverBehavior {
    @Override
    public Integer probe(DriverContext ctx, int score) {
        if (refuse) {
            return null;
        }
        return newScore == null ? Integer.valueOf(score) : newScore;
    }

    @Override
    public boolean start(DriverContext ctx) {
        return start;
    }

    /** From the action's arguments: {@code probe} (a number or "refuse"; absent keeps the score), {@code start}. */
    static ScriptedDriver of(CoreAction.EmulateDriver a) {
        String probe = JsonValue.text(a.probe());
        boolean refuse = "refuse".equals(probe);
        Integer score = null;
        if (probe != null && !refuse) {
            score = Integer.valueOf(probe.trim());
        }
        String start = JsonValue.text(a.start());
        return new ScriptedDriver(score, refuse, start == null || Boolean.parseBoolean(start));
    }
}
