package dev.ioscope.engine.bench;

import com.dd.plist.XMLPropertyListParser;
import dev.ioscope.engine.os.plist.XmlPlistReader;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.xml.IoregXmlReader;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A JMH-free timing of IOScope's plist parse, IOScope's full registry import and dd-plist's parse of one file:
 * warm-up runs, then the median wall and thread-CPU time of timed runs. Thread CPU time keeps the comparison
 * fair on a machine shared with other work. usage: {@code QuickTiming FILE [RUNS] [WARMUP] [which=ours,dd]}
 */
public final class QuickTiming {
    private QuickTiming() {
    }

    interface Job {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        byte[] data = Files.readAllBytes(Path.of(args[0]));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String which = args.length > 3 ? args[3] : "ours,dd";
        System.out.printf("%s: %d bytes%n", args[0], data.length);
        if (which.contains("ours")) {
            time("ioscope plist", () -> XmlPlistReader.read(data, "f", ParseLimits.DEFAULT), runs, warmup, data);
            time("ioscope registry", () -> new IoregXmlReader().read(data, "f", ParseLimits.DEFAULT), runs, warmup,
                    data);
        }
        if (which.contains("dd")) {
            time("dd-plist", () -> XMLPropertyListParser.parse(data), runs, warmup, data);
        }
    }

    static void time(String what, Job job, int runs, int warmup, byte[] data) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            job.run();
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            job.run();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        double w = wall[runs / 2];
        System.out.printf("  %-18s median wall %8.1f ms  cpu %8.1f ms  %7.1f MB/s%n", what, w, cpu[runs / 2],
                data.length / 1e6 / (w / 1000));
    }
}
