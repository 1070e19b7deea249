package dev.ioscope.app.workbench.power;

import javafx.scene.paint.Color;

/**
 * How the power view colours a power state: off, low, on, or changing. Read from the ordinal alone (0 = off,
 * the highest = on, anything between = low), because power state tables order states lowest first (IOPM.h) and
 * the swim lanes only know ordinals and counts from the journal: diagram and lanes then read the same way. The
 * root domain's sleep state (2 of 0…3) is "low", as it should be.
 */
enum PowerStateKind {
    OFF("off", Color.web("#9aa4b1")),
    LOW("low", Color.web("#7fb3e6")),
    ON("on", Color.web("#5cb85c")),
    CHANGING("changing", Color.web("#f0a30a"));

    private final String label;
    private final Color color;

    PowerStateKind(String label, Color color) {
        this.label = label;
        this.color = color;
    }

    /** The kind of {@code state} among {@code states} declared states (0 states: no power driver yet). */
    static PowerStateKind of(int state, int states, boolean changing) {
        if (changing) {
            return CHANGING;
        }
        if (state <= 0) {
            return OFF;
        }
        return states <= 0 || state >= states - 1 ? ON : LOW;
    }

    static PowerStateKind of(PowerRow r) {
        return of(r.state(), r.states(), r.changing());
    }

    String label() {
        return label;
    }

    Color color() {
        return color;
    }
}
