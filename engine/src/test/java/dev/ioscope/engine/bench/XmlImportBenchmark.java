package dev.ioscope.engine.bench;

import com.dd.plist.NSObject;
import com.dd.plist.XMLPropertyListParser;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.plist.XmlPlistReader;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.xml.IoregXmlReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code ioreg -a} import: IOScope's reader (plist values only, and the full registry) against dd-plist's XML
 * parser (the peer the issue names) on the same bytes in memory. Run (see docs/benchmarks.md):
 * <pre>
 * ./mvnw -o -q -pl engine test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath org.openjdk.jmh.Main XmlImportBenchmark -p file=target/bench/FILE.xml"
 * </pre>
 * With {@code file} left empty the synthetic 100k-entry file is generated under target/bench first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class XmlImportBenchmark {
    @Param("")
    public String file;

    private byte[] data;
    private String name;

    @Setup
    public void load() throws Exception {
        Path p = file.isEmpty() ? BenchFiles.synthetic(Path.of("target/bench"), 100_000) : Path.of(file);
        data = Files.readAllBytes(p);
        name = p.toString();
    }

    @Benchmark
    public Snapshot ioscopeRegistry() throws Exception {
        return new IoregXmlReader().read(data, name, ParseLimits.DEFAULT);
    }

    @Benchmark
    public OSObject ioscopePlist() throws Exception {
        return XmlPlistReader.read(data, name, ParseLimits.DEFAULT);
    }

    @Benchmark
    public NSObject ddPlist() throws Exception {
        return XMLPropertyListParser.parse(data);
    }
}
