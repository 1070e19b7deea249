package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.EntryText;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;

import java.util.ArrayList;
import java.util.List;

/** The side panel's facts about an entry: class chain, ID, state, and per plane its path and link counts. */
public record EntryFacts(List<String> classChain, String id, String state, List<PlaneFacts> planes) {

    /** Where the entry sits in one plane. */
    public record PlaneFacts(String plane, String path, int parents, int children) {
    }

    public static EntryFacts of(IORegistry registry, IORegistryEntry e) {
        List<String> chain = !e.inheritance().isEmpty() ? e.inheritance() : registry.classes().chain(e.className());
        if (chain.isEmpty()) {
            chain = List.of(e.className());
        }
        List<PlaneFacts> planes = new ArrayList<>();
        for (IORegistryPlane p : registry.planes()) {
            if (e == registry.root() || e.inPlane(p)) {
                planes.add(new PlaneFacts(p.name(), RegistryPath.pathOf(registry, e, p).orElse("(detached)"),
                        e.parents(p).size(), e.childCount(p)));
            }
        }
        String state = EntryText.stateText(e.state());
        return new EntryFacts(chain, "0x" + Long.toHexString(e.registryEntryID()), state.isEmpty() ? "—" : state,
                planes);
    }
}
