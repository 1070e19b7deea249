package dev.ioscope.app.workbench;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One IOService-plane entry as it was at one point of the simulation: an immutable copy made on the engine
 * thread, so the FX thread can show it while the engine goes on changing the live registry.
 *
 * @param path       the IOService path (what journal events name)
 * @param properties the property table (OSDictionary values are immutable)
 */
public record EntryNode(String path, String className, String nameWithLocation, String state,
                        OSDictionary properties, List<EntryNode> children) {
    public EntryNode {
        children = List.copyOf(children);
    }

    /** Copies the IOService plane from the root down (engine thread only). */
    static EntryNode copyOf(IORegistry registry) {
        // findPlane, not plane(): the app never creates planes (ArchitectureTest)
        IORegistryPlane plane = registry.findPlane(IORegistryPlane.IOSERVICE).orElseThrow();
        return copy(registry, registry.root(), plane, 0);
    }

    private static EntryNode copy(IORegistry reg, IORegistryEntry e, IORegistryPlane plane, int depth) {
        List<EntryNode> kids = new ArrayList<>();
        if (depth < 512) {   // the registry is a tree, but a corrupt snapshot must not overflow the stack
            for (IORegistryEntry c : e.children(plane)) {
                kids.add(copy(reg, c, plane, depth + 1));
            }
        }
        String path = RegistryPath.pathOf(reg, e, plane).orElse(e.name());
        return new EntryNode(path, e.className(), e.nameWithLocation(plane), stateWords(e.state()), e.properties(),
                kids);
    }

    /** ioreg's state words: {@code registered, matched, active, busy 0}. */
    static String stateWords(EntryState s) {
        if (!s.service()) {
            return "";
        }
        List<String> w = new ArrayList<>();
        w.add(s.registered() ? "registered" : "!registered");
        w.add(s.matched() ? "matched" : "!matched");
        w.add(s.active() ? "active" : "inactive");
        w.add("busy " + s.busyState());
        return String.join(", ", w);
    }

    public void forEach(Consumer<EntryNode> f) {
        f.accept(this);
        children.forEach(c -> c.forEach(f));
    }

    public int count() {
        int[] n = {0};
        forEach(x -> n[0]++);
        return n[0];
    }
}
