package dev.ioscope.installer;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One finished run of a program: exit code and what it printed, with a time limit so a hang fails the test. */
record Launched(int exitCode, String out, String err) {
    static Launched run(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of());
    }

    /** Runs the command with these variables added to (or replacing those of) this process's environment. */
    static Launched run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile("ioscope-out", ".txt");
        Path err = Files.createTempFile("ioscope-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command))
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            pb.environment().remove("DISPLAY"); // headless: the CLI must never need one
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("still running after 120 s: " + command);
            }
            return new Launched(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The output with the measured load time masked (it differs from run to run, nothing else may). */
    Launched withoutTimings() {
        String mask = "(?m)^(\\s*\"?load\\w*\"?\\s*[:=]).*$";
        return new Launched(exitCode, out.replaceAll(mask, "$1 #"), err.replaceAll(mask, "$1 #"));
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
