package dev.ioscope.app.workbench.power;

import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.JournalKind;

import java.util.Map;

/**
 * A {@code power.*} journal event as one line in the words of the call or message it stands for
 * (powerStateWillChangeTo, setPowerState, acknowledgeSetPowerState, activityTickle, kIOMessage…), for the power
 * view's message list. Kinds without a call of their own read as the kind and its details.
 */
final class PowerMessageText {
    private PowerMessageText() {
    }

    /** One line for a power event, in the words of the call or message it stands for. */
    static String describe(JournalEvent e) {
        Map<String, String> d = e.details();
        String who = e.entry().isEmpty() ? "" : e.entry().substring(e.entry().lastIndexOf('/') + 1);
        if (!(e.kind() instanceof JournalKind kind)) {
            return other(e, who, d);
        }
        return switch (kind) {
            case POWER_CHANGE_BEGIN -> who + ": change " + d.get("from") + " → " + d.get("to") + " ("
                    + d.get("direction") + ") begins";
            case POWER_WILL_CHANGE, POWER_DID_CHANGE -> d.get("driver") + "::" + d.get("call") + "(" + who + ", "
                    + d.get("to") + ") returned " + micros(d.get("returned"));
            case POWER_INTEREST_ACK -> d.get("driver") + " " + d.get("call") + " for " + who + " after "
                    + d.get("afterUs") + " µs" + ("true".equals(d.get("late")) ? " (late)" : "");
            case POWER_SET_POWER_STATE -> who + "::setPowerState(" + d.get("from") + " → " + d.get("to")
                    + ") returned " + micros(d.get("returned"));
            case POWER_ACK -> who + " " + d.get("call") + " after " + d.get("afterUs") + " µs"
                    + ("true".equals(d.get("late")) ? " (late)" : "") + ("true".equals(d.get("ignored"))
                    ? " (ignored: timed out)" : "");
            case POWER_ACK_TIMEOUT, POWER_INTEREST_TIMEOUT -> "timeout: " + d.get("message");
            case POWER_CHILDREN_READY -> who + ": children fit state " + d.get("to");
            case POWER_CHANGE_END -> who + " is in state " + d.get("state");
            case POWER_MESSAGE -> (d.get("client") != null ? d.get("client") : who) + " ← " + d.get("message")
                    + " (" + d.get("value") + ")";
            case POWER_TICKLE -> who + " activityTickle(kIOPMSuperclassPolicy1, " + d.get("state") + "), current "
                    + d.get("current");
            case POWER_REQUEST -> who + " " + requestCall(d) + " (" + d.get("client") + " client)";
            case POWER_IDLE_TIMER -> who + " idle timer: desire " + d.get("desire") + ", current "
                    + d.get("current");
            case POWER_CLAMP -> who + " limited to " + d.get("allowed") + " by " + shortPath(d.get("parent"))
                    + " (wants " + d.get("desired") + ")";
            default -> other(e, who, d);
        };
    }

    /** A kind with no words of its own: its name without the family, the entry and the details. */
    private static String other(JournalEvent e, String who, Map<String, String> d) {
        return e.kind().id().substring(e.kind().family().length() + 1) + (who.isEmpty() ? "" : " " + who)
                + details(d);
    }

    private static String requestCall(Map<String, String> d) {
        if ("makeUsable".equals(d.get("via"))) {
            return "makeUsable → " + d.get("state");
        }
        return switch (String.valueOf(d.get("client"))) {
            case "driver" -> "changePowerStateTo(" + d.get("state") + ")";
            case "device" -> "changePowerStateToPriv(" + d.get("state") + ")";
            case "system" -> "root domain to " + d.get("state");
            default -> "request " + d.get("state");
        };
    }

    private static String micros(String us) {
        return "0".equals(us) ? "kIOPMAckImplied" : us + " µs";
    }

    private static String shortPath(String p) {
        return p == null ? "?" : p.substring(p.lastIndexOf('/') + 1);
    }

    private static String details(Map<String, String> d) {
        StringBuilder sb = new StringBuilder();
        d.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }
}
