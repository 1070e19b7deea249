package dev.ioscope.engine.io;

import java.io.IOException;

/** An output IOScope refuses or cannot write: names the target and the problem (the CLI exits 1 with it). */
public final class OutputException extends IOException {
    private final String target;
    private final String problem;

    public OutputException(String target, String problem) {
        this(target, problem, null);
    }

    public OutputException(String target, String problem, Throwable cause) {
        super(target + ": " + problem, cause);
        this.target = target;
        this.problem = problem;
    }

    public String target() {
        return target;
    }

    public String problem() {
        return problem;
    }
}
