package dev.ioscope.app.workbench;

import dev.ioscope.app.ui.AppIcon;
import dev.ioscope.app.ui.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * What to do on a machine with nothing to match: a real snapshot rebuilt without kexts runs to quiet at once.
 * The banner says so and offers Load Kexts… (a folder, or Info.plist files) and an example scenario; it goes away
 * as soon as a kext is loaded (and comes back if that is undone).
 */
final class EmptyMachineBanner {
    private EmptyMachineBanner() {
    }

    static HBox create(WorkbenchViewModel vm, Window owner, Runnable openExample) {
        Label text = new Label("This machine was rebuilt from a snapshot and has no kexts to match, so running it"
                + " changes nothing. Load the kexts you want to try (a folder, or Info.plist files — or drop them"
                + " on the window), or open an example scenario.");
        text.setId("emptyMachineText");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button folder = new Button("Load Kext Folder…", AppIcon.KEXT.create());
        folder.setId("emptyLoadKexts");
        folder.setOnAction(e -> KextChooser.folder(vm, owner));
        Button plists = new Button("Load Info.plist…");
        plists.setOnAction(e -> KextChooser.plists(vm, owner));
        Button example = new Button("Open Example…", AppIcon.SCENARIO.create());
        example.setId("emptyOpenExample");
        example.setOnAction(e -> openExample.run());
        for (Button b : new Button[] {folder, plists, example}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox box = new HBox(8, text, folder, plists, example);
        box.setId("emptyMachineBanner");
        box.getStyleClass().add(Styles.EMPTY_STATE);
        box.visibleProperty().bind(vm.noKextsProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
