package dev.ioscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.Snapshots;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code ioscope info FILE [--json]}: format detected, planes and entries per plane, top classes, load time. */
final class InfoCommand implements Command {
    @Override
    public String name() {
        return "info";
    }

    @Override
    public String summary() {
        return "format, planes, entry counts, top classes and load time of a snapshot";
    }

    @Override
    public String usage() {
        return "usage: ioscope info [--json] [--top N] FILE";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        boolean json = false;
        int top = 10;
        String file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--json" -> json = true;
                case "--top" -> {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--top needs a number");
                    }
                    try {
                        top = Integer.parseInt(args.get(++i));
                    } catch (NumberFormatException e) {
                        throw new UsageException("--top needs a number, not " + args.get(i));
                    }
                }
                default -> {
                    if (a.startsWith("-") || file != null) {
                        throw new UsageException("unexpected argument " + a);
                    }
                    file = a;
                }
            }
        }
        if (file == null) {
            throw new UsageException("no FILE given");
        }
        long t0 = System.nanoTime();
        Snapshot s = Snapshots.open(Path.of(file));
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
        classes.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        classes = classes.subList(0, Math.min(top, classes.size()));

        if (json) {
            JsonGenerator g = new JsonFactory().createGenerator(out);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("file", file);
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
            out.printf("file:     %s%n", file);
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
