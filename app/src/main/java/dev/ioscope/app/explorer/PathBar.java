package dev.ioscope.app.explorer;

import dev.ioscope.app.ui.HoverTips;
import dev.ioscope.app.ui.Styles;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The breadcrumb bar of the registry path: the selected entry's path in the current plane, as
 * IORegistryEntry::getPath builds it (IORegistryEntry.cpp: first parents up to the plane's base), one button per
 * entry: {@code IOService:/ AppleACPIPlatformExpert / PC00 / AppleACPIPCI / XHCI@14}. A crumb selects that
 * ancestor; the buttons are in the focus order, so Tab and Space reach them. Crumbs that do not fit shrink to "…"
 * on the left, each with its full name as a tooltip; the selected entry keeps its whole name.
 */
final class PathBar extends HBox {
    /** A path deeper than this is a cycle the registry should not have; the bar stops rather than loop. */
    static final int MAX_DEPTH = 256;

    private final ExplorerViewModel vm;

    PathBar(ExplorerViewModel vm) {
        this.vm = vm;
        setId("pathBar");
        getStyleClass().add(Styles.PATH_BAR);
        vm.selectedProperty().addListener((o, a, b) -> rebuild());
        vm.planeProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    /**
     * The entries from the plane's base down to {@code e}, along first parents (getParentEntry), as
     * IORegistryEntry::getPath walks them: it stops below the registry root, at the root's child in the plane
     * (the platform expert device in IOService), which the path spells "IOService:/". An entry not under the base
     * (the root itself) gets its chain from the root.
     */
    static List<IORegistryEntry> path(IORegistryEntry e, IORegistryPlane plane, IORegistryEntry base) {
        List<IORegistryEntry> out = new ArrayList<>();
        Set<IORegistryEntry> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (IORegistryEntry at = e; at != null && out.size() < MAX_DEPTH && seen.add(at); at = at.parent(plane)) {
            out.add(at);
            if (at == base) {
                break;
            }
        }
        Collections.reverse(out);
        return out;
    }

    /** The crumbs now shown, root first (for tests and for keyboard users' screen readers). */
    List<Button> crumbs() {
        return getChildren().stream().filter(Button.class::isInstance).map(Button.class::cast).toList();
    }

    private void rebuild() {
        IORegistryEntry selected = vm.selectedProperty().get();
        IORegistryPlane plane = vm.planeProperty().get();
        getChildren().clear();
        if (selected == null || plane == null || vm.documentProperty().get() == null) {
            Label none = new Label("No entry selected");
            none.getStyleClass().add(Styles.PATH_SEPARATOR);
            getChildren().add(none);
            return;
        }
        IORegistryEntry base = RegistryPath.base(vm.documentProperty().get().registry(), plane);
        List<IORegistryEntry> path = path(selected, plane, base);
        for (int i = 0; i < path.size(); i++) {
            IORegistryEntry e = path.get(i);
            if (i > 0 && path.get(i - 1) != base) {   // "IOService:/" ends with its own slash
                Label sep = new Label("/");
                sep.getStyleClass().add(Styles.PATH_SEPARATOR);
                sep.setMinWidth(Region.USE_PREF_SIZE);
                getChildren().add(sep);
            }
            boolean isBase = e == base;
            String text = isBase ? plane.name() + ":/" : e.nameWithLocation(plane);
            Button crumb = new Button(text);
            crumb.getStyleClass().addAll(Styles.PATH_CRUMB, atlantafx.base.theme.Styles.FLAT,
                    atlantafx.base.theme.Styles.SMALL);
            HoverTips.set(crumb, e.nameWithLocation(plane) + " <class " + e.className() + ">"
                    + (isBase ? ", the base of the " + plane.name() + " plane" : ""));
            crumb.setMnemonicParsing(false);
            crumb.setOnAction(ev -> vm.selectedProperty().set(e));
            if (e == selected) {
                crumb.setMinWidth(Region.USE_PREF_SIZE);
                crumb.getStyleClass().add(Styles.PATH_CRUMB_LAST);
            } else {
                crumb.setMinWidth(24);
            }
            getChildren().add(crumb);
        }
    }
}
