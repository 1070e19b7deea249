package dev.ioscope.app.workbench.panels;

import dev.ioscope.app.workbench.WorkbenchViewModel;
import javafx.animation.AnimationTimer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;

/**
 * The steps {@link WorkbenchMain} drives for a screenshot, each started only when the one before has reached its
 * state (a run stopped, a plug's matching done, a comparison window open), checked once per frame, never on a fixed
 * delay: on a loaded machine a step simply waits longer. When the last step is done and the window has drawn a
 * few more frames, it prints {@link #READY} on standard output, which scripts/docs-screenshots.sh waits for.
 */
final class ShotScript {
    /** The line printed when every step is done. */
    static final String READY = "ioscope.shot: ready";
    /** Frames drawn after the last step before READY (layout, CSS, a chart's first points). */
    private static final int SETTLE_FRAMES = 90;

    private record Step(String name, Runnable action, BooleanSupplier done) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();

    /** A step: the action, then wait until {@code done} holds. */
    ShotScript then(String name, Runnable action, BooleanSupplier done) {
        steps.add(new Step(name, action, done));
        return this;
    }

    /** A step with nothing to wait for but a few frames (a selection, a tab). */
    ShotScript then(String name, Runnable action) {
        int[] frames = {0};
        return then(name, action, () -> ++frames[0] > 10);
    }

    /** Runs the steps in order, one per state reached; prints READY at the end. */
    void start() {
        new AnimationTimer() {
            private Step current;
            private int settle;

            @Override
            public void handle(long now) {
                if (current != null && !current.done().getAsBoolean()) {
                    return;
                }
                if (current != null) {
                    System.out.println("ioscope.shot: " + current.name() + " done");
                }
                current = steps.poll();
                if (current != null) {
                    current.action().run();
                } else if (++settle >= SETTLE_FRAMES) {
                    System.out.println(READY);
                    stop();
                }
            }
        }.start();
    }

    /**
     * Done when the machine is not running, and was seen running or is quiet (a Run on a machine already quiet
     * adds nothing); with {@code newEvents}, also only once the journal has grown (a plug's events).
     */
    static BooleanSupplier stopped(WorkbenchViewModel vm, boolean newEvents) {
        int[] from = {-1};
        boolean[] seenRunning = {false};
        int[] frames = {0};
        return () -> {
            if (from[0] < 0) {
                from[0] = vm.events().size();
            }
            seenRunning[0] |= vm.runningProperty().get();
            return ++frames[0] > 5 && !vm.runningProperty().get() && (seenRunning[0] || vm.quietProperty().get())
                    && (!newEvents || vm.events().size() > from[0]);
        };
    }
}
