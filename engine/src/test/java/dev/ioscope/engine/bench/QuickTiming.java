package dev.ioscope.engine.bench;

import com.dd.plist.XMLPropertyListParser;
import dev.ioscope.engine.os.plist.XmlPlistReader;
import dev.ioscope.engine.snapshot.ParseLimits;
import dev.ioscope.engine.snapshot.xml.IoregXmlReader;

import java.nio.file.Files;
import java.nio.file.Path;

/** A quick, JMH-free timing of each phase (plist parse, full registry, dd-plist), for profiling sessions. */
public final class QuickTiming {
    private QuickTiming() {
    }

    public static void main(String[] args) throws Exception {
        byte[] data = Files.readAllBytes(Path.of(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        boolean dd = args.length <= 2 || Boolean.parseBoolean(args[2]);
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            XmlPlistReader.read(data, "f", ParseLimits.DEFAULT);
            long t1 = System.nanoTime();
            new IoregXmlReader().read(data, "f", ParseLimits.DEFAULT);
            long t2 = System.nanoTime();
            if (dd) {
                XMLPropertyListParser.parse(data);
            }
            long t3 = System.nanoTime();
            System.out.printf("plist %.1f ms  registry %.1f ms  dd-plist %.1f ms%n", (t1 - t0) / 1e6,
                    (t2 - t1) / 1e6, (t3 - t2) / 1e6);
        }
    }
}
