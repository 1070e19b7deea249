package dev.ioscope.app.workbench.power;

import dev.ioscope.engine.sim.JournalEvent;

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
        return switch (e.kind()) {
            case "power.change-begin" -> who + ": change " + d.get("from") + " → " + d.get("to") + " ("
                    + d.get("direction") + ") begins";
            case "power.will-change", "power.did-change" -> d.get("driver") + "::" + d.get("call") + "(" + who + ", "
                    + d.get("to") + ") returned " + micros(d.get("returned"));
            case "power.interest-ack" -> d.get("driver") + " " + d.get("call") + " for " + who + " after "
                    + d.get("afterUs") + " µs" + ("true".equals(d.get("late")) ? " (late)" : "");
            case "power.set-power-state" -> who + "::setPowerState(" + d.get("from") + " → " + d.get("to")
                    + ") returned " + micros(d.get("returned"));
            case "power.ack" -> who + " " + d.get("call") + " after " + d.get("afterUs") + " µs"
                    + ("true".equals(d.get("late")) ? " (late)" : "") + ("true".equals(d.get("ignored"))
                    ? " (ignored: timed out)" : "");
            case "power.ack-timeout", "power.interest-timeout" -> "timeout: " + d.get("message");
            case "power.children-ready" -> who + ": children fit state " + d.get("to");
            case "power.change-end" -> who + " is in state " + d.get("state");
            case "power.message" -> (d.get("client") != null ? d.get("client") : who) + " ← " + d.get("message")
                    + " (" + d.get("value") + ")";
            case "power.tickle" -> who + " activityTickle(kIOPMSuperclassPolicy1, " + d.get("state") + "), current "
                    + d.get("current");
            case "power.request" -> who + " " + requestCall(d) + " (" + d.get("client") + " client)";
            case "power.idle-timer" -> who + " idle timer: desire " + d.get("desire") + ", current "
                    + d.get("current");
            case "power.clamp" -> who + " limited to " + d.get("allowed") + " by " + shortPath(d.get("parent"))
                    + " (wants " + d.get("desired") + ")";
            default -> e.kind().substring("power.".length()) + (who.isEmpty() ? "" : " " + who) + details(d);
        };
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
