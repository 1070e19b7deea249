package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.PlaneOrder;
import dev.ioscope.engine.explore.RegistryDiff;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Next / previous change in a comparison, in the order the current plane's tree shows them: changed entries, and
 * the top of every added or removed subtree (its descendants are marked too, but stepping through each entry of
 * an unplugged hub would bury the other changes). A removed entry is a ghost under its old parent's counterpart,
 * so it sorts just after that parent.
 */
public final class ChangeNavigator {
    private final ExplorerViewModel vm;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private List<IORegistryEntry> order;
    private int index = -1;

    ChangeNavigator(ExplorerViewModel vm) {
        this.vm = vm;
        vm.comparisonProperty().addListener((o, a, b) -> reset());
        vm.planeProperty().addListener((o, a, b) -> reset());
    }

    /** "change 3 of 17", or "" outside a comparison. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The changes the tree of the current plane shows, in its order (computed once per comparison and plane). */
    public List<IORegistryEntry> changes() {
        if (order == null) {
            order = compute();
        }
        return order;
    }

    public void next() {
        step(1);
    }

    public void previous() {
        step(-1);
    }

    private void step(int delta) {
        List<IORegistryEntry> all = changes();
        if (all.isEmpty()) {
            return;
        }
        // Continue from the selected entry when it is a change (the user may have clicked one).
        int at = all.indexOf(vm.selectedProperty().get());
        int from = at >= 0 ? at : index;
        index = from < 0 ? (delta > 0 ? 0 : all.size() - 1) : Math.floorMod(from + delta, all.size());
        vm.selectedProperty().set(all.get(index));
        summary.set("change " + (index + 1) + " of " + all.size());
    }

    private void reset() {
        order = null;
        index = -1;
        var c = vm.comparisonProperty().get();
        summary.set(c == null ? "" : overview());
    }

    /**
     * "17 changes in this plane", and the added, removed or changed entries this plane's tree cannot show (they
     * live in other planes, or in none), counted and named, so the banner's totals and this count agree.
     */
    private String overview() {
        StringBuilder sb = new StringBuilder().append(changes().size()).append(" changes in this plane");
        List<IORegistryEntry> elsewhere = outsidePlane();
        if (!elsewhere.isEmpty()) {
            sb.append("; ").append(elsewhere.size()).append(" outside it: ").append(names(elsewhere, true));
        }
        return sb.toString();
    }

    /** Added and changed entries not in the after tree of the plane, removed ones not in its before tree. */
    List<IORegistryEntry> outsidePlane() {
        var c = vm.comparisonProperty().get();
        IORegistryPlane plane = vm.planeProperty().get();
        if (c == null || plane == null) {
            return List.of();
        }
        RegistryDiff.Result d = c.diff();
        IORegistryPlane afterPlane = c.after().registry().findPlane(plane.name()).orElse(null);
        IORegistryPlane beforePlane = c.before().registry().findPlane(plane.name()).orElse(null);
        List<IORegistryEntry> out = new ArrayList<>();
        for (IORegistryEntry e : d.added()) {
            if (afterPlane == null || !e.inPlane(afterPlane)) {
                out.add(e);
            }
        }
        List<IORegistryEntry> changed = new ArrayList<>(d.changed());
        changed.sort(Comparator.comparingLong(IORegistryEntry::registryEntryID));
        for (IORegistryEntry e : changed) {
            if (afterPlane == null || !e.inPlane(afterPlane)) {
                out.add(e);
            }
        }
        for (IORegistryEntry e : d.removed()) {
            if (beforePlane == null || !e.inPlane(beforePlane)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Up to three names (marked "(in no plane)" where attached in none, if asked), then "and N more". */
    static String names(List<IORegistryEntry> entries, boolean markPlaneless) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(3, entries.size()); i++) {
            IORegistryEntry e = entries.get(i);
            sb.append(i == 0 ? "" : ", ").append(e.name())
                    .append(markPlaneless && e.planes().isEmpty() ? " (in no plane)" : "");
        }
        if (entries.size() > 3) {
            sb.append(" and ").append(entries.size() - 3).append(" more");
        }
        return sb.toString();
    }

    /** One stop: the entry, its place in the plane's tree order, and ghosts (removed) after real entries there. */
    private record Step(IORegistryEntry entry, int position, int ghost) {
    }

    private List<IORegistryEntry> compute() {
        var c = vm.comparisonProperty().get();
        IORegistryPlane plane = vm.planeProperty().get();
        if (c == null || plane == null) {
            return List.of();
        }
        RegistryDiff.Result d = c.diff();
        PlaneOrder after = PlaneOrder.of(c.after().registry(), plane);
        List<Step> steps = new ArrayList<>();
        for (IORegistryEntry e : d.changed()) {
            if (after.contains(e)) {
                steps.add(new Step(e, after.position(e), 0));
            }
        }
        for (IORegistryEntry e : d.added()) {
            IORegistryEntry p = e.parent(plane);
            if (after.contains(e) && (p == null || d.changeOf(p) != RegistryDiff.Change.ADDED)) {
                steps.add(new Step(e, after.position(e), 0));
            }
        }
        var beforeReg = c.before().registry();
        IORegistryPlane beforePlane = beforeReg.findPlane(plane.name()).orElse(null);
        if (beforePlane != null) {
            PlaneOrder before = PlaneOrder.of(beforeReg, beforePlane);
            for (IORegistryEntry e : d.removed()) {
                IORegistryEntry p = e.parent(beforePlane);
                IORegistryEntry anchor = p == null ? null : d.after(p);
                // Only the top of a removed subtree, and only where its ghost hangs in this plane's tree.
                if (anchor != null && after.contains(anchor) && d.changeOf(p) != RegistryDiff.Change.REMOVED) {
                    steps.add(new Step(e, after.position(anchor), 1 + before.position(e)));
                }
            }
        }
        steps.sort(Comparator.comparingInt(Step::position).thenComparingInt(Step::ghost));
        List<IORegistryEntry> out = new ArrayList<>(steps.size());
        steps.forEach(s -> out.add(s.entry()));
        return out;
    }
}
