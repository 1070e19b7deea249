package dev.ioscope.engine.service;

/**
 * The verdict on one matching key, in words: {@code IOPCIMatch 0x10d38086&0xffffffff: this device is
 * 0x15b88086 — no match}.
 *
 * @param key     the personality key (or a pseudo key such as {@code IOMatchCategory})
 * @param outcome whether the key let the match go on
 * @param detail  the explanation, without the key
 */
public record KeyVerdict(String key, Outcome outcome, String detail) {
    public enum Outcome {
        /** The key is satisfied. */
        MATCH,
        /** The key fails the match. */
        NO_MATCH,
        /** Not a pass/fail test here (e.g. a key used at start time, or one XNU never reached). */
        NOTE
    }

    public static KeyVerdict match(String key, String detail) {
        return new KeyVerdict(key, Outcome.MATCH, detail);
    }

    public static KeyVerdict noMatch(String key, String detail) {
        return new KeyVerdict(key, Outcome.NO_MATCH, detail);
    }

    public static KeyVerdict note(String key, String detail) {
        return new KeyVerdict(key, Outcome.NOTE, detail);
    }

    public static KeyVerdict of(boolean ok, String key, String detail) {
        return new KeyVerdict(key, ok ? Outcome.MATCH : Outcome.NO_MATCH, detail);
    }

    /** One line: "key: detail — match". */
    public String describe() {
        String tail = switch (outcome) {
            case MATCH -> " — match";
            case NO_MATCH -> " — no match";
            case NOTE -> "";
        };
        return key + ": " + detail + tail;
    }

    @Override
    public String toString() {
        return describe();
    }
}
