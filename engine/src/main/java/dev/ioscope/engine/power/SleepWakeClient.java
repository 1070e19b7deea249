package dev.ioscope.engine.power;

/**
 * A registration for the system's sleep and wake messages with the root domain (IOPMrootDomain.cpp
 * {@code registerPrioritySleepWakeInterest}, {@code registerSleepWakeInterest}; {@code IOServicePM.cpp
 * tellClientsWithResponse}, {@code tellClients}). Being power managed does not make a service a client: only this
 * registration does (rule PM13).
 *
 * @param name     the client as the journal names it
 * @param path     the registering service's path, or null for a client outside the registry (an application)
 * @param interest which interest it registered
 * @param veto     answers kIOMessageCanSystemSleep with cancelPowerChange (only idle sleep asks; rule PM14)
 * @param ackUs    acknowledges (allowPowerChange) kIOMessageSystemWillSleep this many µs late; 0 at once
 */
public record SleepWakeClient(String name, String path, Interest interest, boolean veto, long ackUs) {

    /** The three interests the root domain's sleep/wake messages go to (IOService.h / IOPMrootDomain.cpp). */
    public enum Interest {
        /** gIOPriorityPowerStateInterest: registerPrioritySleepWakeInterest (kernel, kNotifyPriority phase). */
        PRIORITY("priority", "gIOPriorityPowerStateInterest"),
        /** gIOAppPowerStateInterest: an application's IORegisterForSystemPower (kNotifyApps phase). */
        APP("app", "gIOAppPowerStateInterest"),
        /** gIOGeneralInterest on the root domain: registerSleepWakeInterest (kernel, kNotifyApps phase). */
        GENERAL("general", "gIOGeneralInterest");

        private final String word;
        private final String symbol;

        Interest(String word, String symbol) {
            this.word = word;
            this.symbol = symbol;
        }

        public String word() {
            return word;
        }

        public String symbol() {
            return symbol;
        }

        public static Interest of(String word) {
            for (Interest i : values()) {
                if (i.word.equals(word)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("\"interest\" is priority, app or general, not " + word);
        }
    }
}
