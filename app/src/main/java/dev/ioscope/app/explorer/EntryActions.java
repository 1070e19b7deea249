package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.EntryExport;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import javafx.scene.control.MenuItem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Copy-the-entry actions shared by the tree's and the inspector's context menus. */
final class EntryActions {
    private final ExplorerViewModel vm;

    EntryActions(ExplorerViewModel vm) {
        this.vm = vm;
    }

    List<MenuItem> copyMenuItems() {
        List<MenuItem> out = new ArrayList<>();
        MenuItem path = new MenuItem("Copy Entry Path");
        path.setOnAction(e -> InspectorPane.copy(path()));
        out.add(path);
        for (SnapshotFormat f : EntryExport.textFormats()) {
            MenuItem m = new MenuItem("Copy Entry as " + label(f));
            m.setOnAction(e -> InspectorPane.copy(text(f, false)));
            out.add(m);
        }
        return out;
    }

    static String label(SnapshotFormat f) {
        return switch (f) {
            case IOREG_XML -> "XML Plist";
            case JSON -> "JSON";
            case IOREG_TEXT -> "ioreg Text";
            default -> f.displayName();
        };
    }

    String path() {
        IORegistryEntry e = vm.selectedProperty().get();
        IORegistryPlane p = vm.planeProperty().get();
        Document d = vm.documentProperty().get();
        if (e == null || p == null || d == null) {
            return null;
        }
        return RegistryPath.pathOf(registryOf(e), e, p).orElse(null);
    }

    IORegistry registryOf(IORegistryEntry e) {
        var c = vm.comparisonProperty().get();
        if (c != null && c.before().index().slotOf(e) >= 0 && c.after().index().slotOf(e) < 0) {
            return c.before().registry();
        }
        return vm.documentProperty().get().registry();
    }

    /** The selected entry (or subtree) as text in the format; an error text when rendering fails. */
    String text(SnapshotFormat f, boolean subtree) {
        IORegistryEntry e = vm.selectedProperty().get();
        IORegistryPlane p = vm.planeProperty().get();
        if (e == null || p == null || vm.documentProperty().get() == null) {
            return "";
        }
        try {
            return EntryExport.text(registryOf(e), e, p, subtree, f);
        } catch (IOException | RuntimeException ex) {
            return "cannot render as " + f.displayName() + ": " + ex.getMessage();
        }
    }
}
