package dev.ioscope.app.workbench;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.List;

/** Load Kexts: a folder of kexts, or Info.plist files (the toolbar's menu, the Session menu, the empty state). */
final class KextChooser {
    private KextChooser() {
    }

    static void folder(WorkbenchViewModel vm, Window owner) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Load kexts and dexts from a folder (or a .kext / .dext bundle)");
        File f = dc.showDialog(owner);
        if (f != null) {
            vm.loadKexts(List.of(f.toPath()));
        }
    }

    static void plists(WorkbenchViewModel vm, Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Load a kext's or dext's Info.plist");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Info.plist", "*.plist", "*.plist.in"));
        List<File> fs = fc.showOpenMultipleDialog(owner);
        if (fs != null) {
            vm.loadKexts(fs.stream().map(File::toPath).toList());
        }
    }
}
