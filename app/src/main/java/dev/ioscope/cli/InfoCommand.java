package dev.ioscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.codecs.Snapshots;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ioscope info FILE [--json]}: format detected, planes and entries per plane, top classes, load time. */
@Command(name = "info", customSynopsis = {"ioscope info [--json] [--top N] FILE",
        "       ioscope info [--json] [--top N] --live"},
        description = "Format, planes, entry counts, top classes and load time of a snapshot.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--json", description = "Print the result as one JSON object (see docs/cli.md).")
    boolean json;

    @Option(names = "--top", paramLabel = "N", description = "How many of the most common classes (default 10).")
    int top = 10;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A snapshot in any format IOScope reads.")
    String file;

    @Option(names = "--live", description = {"Read this Mac's registry (every plane) through the first ioreg on the "
            + "PATH instead of a FILE."})
    boolean live;

    private final PrintStream out;
    private final PrintStream err;

    InfoCommand(Streams io) {
        this.out = io.out();
        this.err = io.err();
    }

    @Override
    public Integer call() throws Exception {
        if (top < 0) {
            throw new UsageException("--top needs a number of 0 or more, not " + top);
        }
        long t0 = System.nanoTime();
        LiveSource.check(file, live);
        Snapshot s = live ? LiveSource.read() : SnapshotOutput.warn(Snapshots.open(Path.of(file)), err);
        // load: until the tree (names, classes, planes, states) is ready; the property tables an archive stores
        // apart are still decoding on the other cores, and are checked before anything is printed
        double ms = (System.nanoTime() - t0) / 1e6;
        s.tables().complete();
        IORegistry reg = s.registry();

        Map<String, Integer> classCount = new HashMap<>();
        for (IORegistryEntry e : reg.entries()) {
            classCount.merge(e.className(), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> classes = new ArrayList<>(classCount.entrySet());
        classes.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()));
        classes = classes.subList(0, Math.min(top, classes.size()));

        if (json) {
            JsonGenerator g = new JsonFactory().createGenerator(out);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("file", live ? s.source() : file);
            g.writeStringField("format", s.format().name());
            g.writeStringField("formatName", s.format().displayName());
            g.writeNumberField("entries", reg.size());
            g.writeNumberField("loadMillis", Math.round(ms * 10) / 10.0);
            g.writeArrayFieldStart("planes");
            for (IORegistryPlane p : reg.planes()) {
                g.writeStartObject();
                g.writeStringField("name", p.name());
                g.writeNumberField("entries", reg.entryCount(p));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("topClasses");
            for (var c : classes) {
                g.writeStartObject();
                g.writeStringField("class", c.getKey());
                g.writeNumberField("count", c.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            out.println();
        } else {
            out.printf("file:     %s%n", live ? s.source() : file);
            out.printf("format:   %s%n", s.format().displayName());
            out.printf("entries:  %d%n", reg.size());
            out.printf("load:     %.1f ms%n", ms);
            out.println("planes:");
            for (IORegistryPlane p : reg.planes()) {
                out.printf("  %-16s %7d entries%n", p.name(), reg.entryCount(p));
            }
            out.println("top classes:");
            for (var c : classes) {
                out.printf("  %-40s %6d%n", c.getKey(), c.getValue());
            }
        }
        return ExitCodes.OK;
    }
}
