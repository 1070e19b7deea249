package dev.ioscope.engine.service.driverkit;

import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.spi.PluginLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Small dext plists and scenarios for the DriverKit tests. */
final class DextTestKit {
    private DextTestKit() {
    }

    /** One dext personality as plist XML; {@code extra} is raw plist key/value XML. */
    static String personality(String name, String provider, String category, String server, String extra) {
        return "<key>" + name + "</key><dict>"
                + "<key>IOClass</key><string>IOUserService</string>"
                + "<key>IOProviderClass</key><string>" + provider + "</string>"
                + "<key>IOMatchCategory</key><string>" + category + "</string>"
                + "<key>IOUserClass</key><string>" + name + "</string>"
                + "<key>IOUserServerName</key><string>" + server + "</string>"
                + extra + "</dict>";
    }

    /** A dext Info.plist holding the personalities. */
    static Path dext(Path dir, String bundleId, String... personalities) throws IOException {
        Path p = dir.resolve(bundleId + "-Info.plist");
        Files.writeString(p, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>"
                + "<key>CFBundleIdentifier</key><string>" + bundleId + "</string>"
                + "<key>CFBundlePackageType</key><string>DEXT</string>"
                + "<key>IOKitPersonalities</key><dict>" + String.join("", personalities) + "</dict></dict></plist>");
        return p;
    }

    /** Runs the empty machine with the kexts and the scenario's JSON actions (may be empty) until quiet. */
    static Simulation run(Path dir, List<Path> kexts, String actions) throws Exception {
        StringBuilder k = new StringBuilder();
        for (Path p : kexts) {
            k.append(k.isEmpty() ? "" : ", ").append('"').append(p.toAbsolutePath().toString().replace("\\", "\\\\"))
                    .append('"');
        }
        Path s = dir.resolve("scenario.json");
        Files.writeString(s, "{\"machine\": \"empty\", \"kexts\": [" + k + "], \"actions\": [" + actions + "]}");
        Simulation sim = Simulation.of(Scenario.read(s), Map.of(), PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        return sim;
    }

    static List<IORegistryEntry> ofClass(Simulation sim, String className) {
        IORegistryPlane plane = sim.registry().plane(IORegistryPlane.IOSERVICE);
        return sim.registry().entries().stream().filter(e -> e.className().equals(className) && e.inPlane(plane))
                .toList();
    }

    static List<JournalEvent> events(Simulation sim, String kind) {
        return sim.journal().stream().filter(e -> e.kind().id().equals(kind)).toList();
    }

    static IORegistryEntry parent(Simulation sim, IORegistryEntry e) {
        return e.parent(sim.registry().plane(IORegistryPlane.IOSERVICE));
    }
}
