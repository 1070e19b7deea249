package dev.ioscope.engine.snapshot.live;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.xml.IoregXmlReader;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The running kernel's registry, read through the system's own {@code ioreg}: {@code ioreg -a -l -w0 -p PLANE} for
 * the IOService plane first, then for every other plane the registry root lists in {@code IORegistryPlanes}
 * (sorted by name), merged into one registry by entry ID ({@link PlaneMerge}) — the same model a multi-plane
 * {@code .ioreg} save gives. The live source is the first {@code ioreg} on the PATH; where there is none (Linux,
 * Windows) {@link #locate} finds nothing and callers say {@link #NO_IOREG}.
 *
 * <p>Each call of ioreg is bounded in time and in output size ({@link ParseLimits#maxFileBytes()}); a non-zero
 * exit, a time-out or an answer that is not an {@code ioreg -a} registry is a {@link SnapshotException} naming the
 * command.
 */
public final class LiveRegistry {
    /** What a user is told where the live registry cannot be read. */
    public static final String NO_IOREG = "live registry needs macOS (no ioreg on PATH)";

    private final Path ioreg;
    private final ParseLimits limits;
    private final Duration timeout;

    public LiveRegistry(Path ioreg) {
        this(ioreg, ParseLimits.DEFAULT, Duration.ofSeconds(60));
    }

    public LiveRegistry(Path ioreg, ParseLimits limits, Duration timeout) {
        this.ioreg = ioreg;
        this.limits = limits;
        this.timeout = timeout;
    }

    /** The first executable file named {@code ioreg} in the PATH of this process. */
    public static Optional<Path> locate() {
        return locate(System.getenv("PATH"));
    }

    /** The first executable file named {@code ioreg} in {@code path} (a PATH value). */
    public static Optional<Path> locate(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "ioreg");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public Path ioreg() {
        return ioreg;
    }

    /** Reads every plane now. */
    public Snapshot read() throws SnapshotException {
        Snapshot service = plane(IORegistryPlane.IOSERVICE);
        IORegistry registry = service.registry();
        List<String> planes = new ArrayList<>(List.of(IORegistryPlane.IOSERVICE));
        for (String name : otherPlanes(registry)) {
            Snapshot s = plane(name);
            try {
                PlaneMerge.merge(s.registry(), name, registry);
            } catch (IllegalArgumentException e) {
                throw new SnapshotException(command(name), null, e.getMessage());
            }
            planes.add(name);
        }
        OSDictionary info = OSDictionary.builder()
                .put("live", OSString.of(ioreg.toString()))
                .put("planes", OSArray.of(planes.stream().map(p -> (OSObject) OSString.of(p)).toList()))
                .put("entries", OSNumber.of32(registry.size()))
                .build();
        return new Snapshot(registry, SnapshotFormat.IOREG_XML, info, "This Mac (" + ioreg + ")");
    }

    /** The planes the root lists in IORegistryPlanes, other than IOService, sorted. */
    static List<String> otherPlanes(IORegistry registry) {
        TreeSet<String> names = new TreeSet<>();
        if (registry.root().property("IORegistryPlanes") instanceof OSDictionary d) {
            names.addAll(d.keys());
        }
        names.remove(IORegistryPlane.IOSERVICE);
        return List.copyOf(names);
    }

    private String command(String plane) {
        return ioreg + " -a -l -w0 -p " + plane;
    }

    private Snapshot plane(String plane) throws SnapshotException {
        String what = command(plane);
        byte[] out = run(what, List.of(ioreg.toString(), "-a", "-l", "-w0", "-p", plane));
        return new IoregXmlReader(plane).read(out, what, limits);
    }

    private byte[] run(String what, List<String> argv) throws SnapshotException {
        Process p;
        try {
            p = new ProcessBuilder(argv).start();
            p.getOutputStream().close();   // ioreg reads nothing
        } catch (IOException e) {
            throw new SnapshotException(what, null, "cannot run ioreg: " + e.getMessage());
        }
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(p.getErrorStream(), err, 64 << 10), "ioreg-stderr");
            errReader.setDaemon(true);
            errReader.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread outReader = new Thread(() -> copy(p.getInputStream(), out, limits.maxFileBytes() + 1),
                    "ioreg-stdout");
            outReader.setDaemon(true);
            outReader.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SnapshotException(what, null, "ioreg did not answer within " + timeout.toSeconds()
                        + " s");
            }
            outReader.join(timeout.toMillis());
            errReader.join(1000);
            if (out.size() > limits.maxFileBytes()) {
                throw new SnapshotException(what, null, "ioreg's answer is larger than " + limits.maxFileBytes()
                        + " bytes");
            }
            if (p.exitValue() != 0) {
                String msg = err.toString(StandardCharsets.UTF_8).strip();
                int nl = msg.indexOf('\n');
                throw new SnapshotException(what, null, "ioreg exited with " + p.exitValue()
                        + (msg.isEmpty() ? "" : ": " + (nl < 0 ? msg : msg.substring(0, nl))));
            }
            return out.toByteArray();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnapshotException(what, null, "interrupted");
        } finally {
            p.destroyForcibly();
        }
    }

    /** Copies at most {@code max} bytes, then drains the rest so the process never blocks on a full pipe. */
    private static void copy(InputStream in, ByteArrayOutputStream out, long max) {
        byte[] buf = new byte[65536];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                long room = max - out.size();
                if (room > 0) {
                    out.write(buf, 0, (int) Math.min(n, room));
                }
            }
        } catch (IOException e) {
            // the process ended or was killed: what was read stands
        }
    }
}
