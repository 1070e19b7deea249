package dev.ioscope.app;

import dev.ioscope.cli.Cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run for start-up caches (a CDS class list or archive, a Java 25 AOT cache): the app's first
 * window, headless, to its first frame, then exit. No display is needed: JavaFX runs on Monocle's headless
 * platform with software rendering, so Monocle's jar must follow the app's jar on the class path:
 * <pre>
 * java -XX:AOTCacheOutput=ioscope.aot -cp ioscope.jar:openjfx-monocle.jar dev.ioscope.app.FirstWindowTraining \
 *      [--info] [FILE...]
 * </pre>
 * It starts exactly as {@code java -jar ioscope.jar} with no file does (the launcher, the window, the booted
 * virtual Mac), marks the first frame of its tree ({@link FirstFrameMark}), then opens each FILE in turn to its
 * first frame, and halts. Preferences (recent files) and the log go to a scratch folder removed before the exit,
 * so the run writes nothing but what the JVM is asked to write. Exit 1 when Monocle is not on the class path.
 * <p>
 * With {@code --info} (the app image's training, installer/pom.xml) it first runs {@code ioscope info FILE} on the
 * first FILE in the same JVM, as a cold command line does (its output on standard output; a failure ends the run
 * with that command's exit code), so one cache serves both of the launchers' first uses: a command and the window.
 */
public final class FirstWindowTraining {
    static final String MONOCLE = "com.sun.glass.ui.monocle.MonoclePlatformFactory";

    private FirstWindowTraining() {
    }

    public static void main(String[] argv) throws IOException {
        boolean info = argv.length > 0 && argv[0].equals("--info");
        String[] args = info ? Arrays.copyOfRange(argv, 1, argv.length) : argv;
        if (info && args.length == 0) {
            System.err.println("ioscope training: --info needs a FILE");
            System.exit(1);
        }
        for (String a : args) {
            if (!Files.isRegularFile(Path.of(a))) {
                System.err.println("ioscope training: " + a + ": no such file");
                System.exit(1);
            }
        }
        try {
            Class.forName(MONOCLE, false, FirstWindowTraining.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            System.err.println("ioscope training: Monocle is not on the class path (put openjfx-monocle's jar after"
                    + " ioscope.jar: -cp ioscope.jar:openjfx-monocle.jar)");
            System.exit(1);
        }
        Path scratch = Files.createTempDirectory("ioscope-training");
        FirstFrameMark.beforeHalt = () -> delete(scratch);
        setDefault("glass.platform", "Monocle");
        setDefault("monocle.platform", "Headless");
        setDefault("prism.order", "sw");
        setDefault("java.awt.headless", "true");
        System.setProperty("ioscope.bench", "first-window");
        System.setProperty("ioscope.bench.then", String.join(File.pathSeparator, args));
        System.setProperty("java.util.prefs.userRoot", scratch.resolve("prefs").toString());
        System.setProperty("ioscope.log.dir", scratch.resolve("log").toString());
        if (info) {
            int code = Cli.run(new String[] {"info", args[0]}, System.out, System.err);
            if (code != 0) {
                delete(scratch);
                System.exit(code);
            }
        }
        Launcher.main(new String[0]);
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
