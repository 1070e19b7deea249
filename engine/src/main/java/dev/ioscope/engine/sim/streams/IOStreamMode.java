package dev.ioscope.engine.sim.streams;

import java.util.Optional;

/** IOStreamShared.h's IOStreamMode, with its values. */
public enum IOStreamMode {
    /** kIOStreamModeInput (0): from user to kernel space. */
    kIOStreamModeInput("input"),
    /** kIOStreamModeOutput (1): from kernel to user space (the default). */
    kIOStreamModeOutput("output"),
    /** kIOStreamModeInputOutput (2): both ways. */
    kIOStreamModeInputOutput("inout");

    private final String word;

    IOStreamMode(String word) {
        this.word = word;
    }

    /** As scenarios write it: "input", "output", "inout". */
    public String word() {
        return word;
    }

    public static Optional<IOStreamMode> parse(String s) {
        for (IOStreamMode m : values()) {
            if (m.word.equals(s) || m.name().equals(s)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
