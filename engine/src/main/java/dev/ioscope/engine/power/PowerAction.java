package dev.ioscope.engine.power;

import static dev.ioscope.engine.sim.ActionField.json;
import static dev.ioscope.engine.sim.ActionField.text;

import dev.ioscope.engine.sim.ActionType;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.ScenarioAction;

import java.util.List;

/**
 * The power scenario actions (docs/scenarios.md, "Power"), one record each, performed by {@link PowerActions}. A
 * field a file leaves out is null.
 */
public sealed interface PowerAction extends ScenarioAction {
    /** Every one of these actions. */
    List<ActionType<?>> TYPES = List.of(PowerRegister.TYPE, PowerStop.TYPE, Sleep.TYPE, Wake.TYPE, Idle.TYPE,
            Tickle.TYPE, Request.TYPE, SleepInterest.TYPE, PowerClamp.TYPE, PowerOverride.TYPE, AssertionCreate.TYPE,
            AssertionRelease.TYPE);

    /**
     * PMinit, joinPMtree, registerPowerDriver (and its initial change), interested drivers, desire, idle period;
     * {@code idleTimerPeriodMs}, {@code vetoSleep}, {@code sleepAckUs} are read only to be refused with what replaced
     * them.
     */
    record PowerRegister(String path, JsonValue states, String parent, JsonValue desire, JsonValue setPowerStateUs,
            JsonValue ackUs, JsonValue idleTimerPeriod, String interested, JsonValue idleTimerPeriodMs,
            JsonValue vetoSleep, JsonValue sleepAckUs)
            implements PowerAction {
        public static final ActionType<PowerRegister> TYPE = ActionType.of("power-register", PowerRegister.class,
                text("path"), json("states"), text("parent"), json("desire"), json("setPowerStateUs"), json("ackUs"),
                json("idleTimerPeriod"), text("interested"), json("idleTimerPeriodMs"), json("vetoSleep"),
                json("sleepAckUs"));

        @Override
        public ActionType<PowerRegister> actionType() {
            return TYPE;
        }
    }

    /** PMstop. */
    record PowerStop(String path) implements PowerAction {
        public static final ActionType<PowerStop> TYPE = ActionType.of("power-stop", PowerStop.class, text("path"));

        @Override
        public ActionType<PowerStop> actionType() {
            return TYPE;
        }
    }

    /** System sleep through the root domain. */
    record Sleep(String reason) implements PowerAction {
        public static final ActionType<Sleep> TYPE = ActionType.of("sleep", Sleep.class, text("reason"));

        @Override
        public ActionType<Sleep> actionType() {
            return TYPE;
        }
    }

    /** System wake. */
    record Wake() implements PowerAction {
        public static final ActionType<Wake> TYPE = ActionType.of("wake", Wake.class);

        @Override
        public ActionType<Wake> actionType() {
            return TYPE;
        }
    }

    /** Nothing but the passing of {@code ms} milliseconds. */
    record Idle(JsonValue ms) implements PowerAction {
        public static final ActionType<Idle> TYPE = ActionType.of("idle", Idle.class, json("ms"));

        @Override
        public ActionType<Idle> actionType() {
            return TYPE;
        }
    }

    /** activityTickle(kIOPMSuperclassPolicy1, state). */
    record Tickle(String path, JsonValue state) implements PowerAction {
        public static final ActionType<Tickle> TYPE = ActionType.of("tickle", Tickle.class, text("path"),
                json("state"));

        @Override
        public ActionType<Tickle> actionType() {
            return TYPE;
        }
    }

    /** A power client's desire: changePowerStateTo, changePowerStateToPriv or makeUsable. */
    record Request(String path, JsonValue state, String via) implements PowerAction {
        public static final ActionType<Request> TYPE = ActionType.of("request", Request.class, text("path"),
                json("state"), text("via"));

        @Override
        public ActionType<Request> actionType() {
            return TYPE;
        }
    }

    /** A client of the system's sleep/wake messages (PM13). */
    record SleepInterest(String client, String interest, String path, JsonValue veto, JsonValue ackUs)
            implements PowerAction {
        public static final ActionType<SleepInterest> TYPE = ActionType.of("sleep-interest", SleepInterest.class,
                text("client"), text("interest"), text("path"), json("veto"), json("ackUs"));

        @Override
        public ActionType<SleepInterest> actionType() {
            return TYPE;
        }
    }

    /** temporaryPowerClampOn (PM10). */
    record PowerClamp(String path) implements PowerAction {
        public static final ActionType<PowerClamp> TYPE = ActionType.of("power-clamp", PowerClamp.class, text("path"));

        @Override
        public ActionType<PowerClamp> actionType() {
            return TYPE;
        }
    }

    /** powerOverrideOnPriv / powerOverrideOffPriv (PM11). */
    record PowerOverride(String path, JsonValue on) implements PowerAction {
        public static final ActionType<PowerOverride> TYPE = ActionType.of("power-override", PowerOverride.class,
                text("path"), json("on"));

        @Override
        public ActionType<PowerOverride> actionType() {
            return TYPE;
        }
    }

    /** IOPMrootDomain::createPMAssertion (PM16). */
    record AssertionCreate(String id, String path, JsonValue bits, String description) implements PowerAction {
        public static final ActionType<AssertionCreate> TYPE = ActionType.of("assertion-create", AssertionCreate.class,
                text("id"), text("path"), json("bits"), text("description"));

        @Override
        public ActionType<AssertionCreate> actionType() {
            return TYPE;
        }
    }

    /** releasePMAssertion. */
    record AssertionRelease(String id) implements PowerAction {
        public static final ActionType<AssertionRelease> TYPE = ActionType.of(
                "assertion-release", AssertionRelease.class,
                text("id"));

        @Override
        public ActionType<AssertionRelease> actionType() {
            return TYPE;
        }
    }
}
