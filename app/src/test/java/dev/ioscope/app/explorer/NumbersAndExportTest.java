package dev.ioscope.app.explorer;

import dev.ioscope.app.Await;
import dev.ioscope.app.TestData;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.engine.explore.EntryExport;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 in a real explorer window: a 32-bit LocationID reads the same in the property table and the detail
 * pane (unsigned, with its hex) while the text export keeps ioreg's sign extension; an export's format is the one
 * its file name says.
 */
@ExtendWith(ApplicationExtension.class)
class NumbersAndExportTest {
    /** MacBookPro8-1.IOService.txt line 2643, the AppleUSBTCKeyboard driver: "LocationID" = 18446744073610067968. */
    private static final String DUMP = "snapshots/MacBookPro8-1.IOService.txt";
    private ExplorerViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new ExplorerViewModel(Jobs.background(), AppPreferences.at("dev/ioscope/test/numbers"));
        new ExplorerView(stage, vm);
        stage.show();
    }

    private void open(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> vm.open(file));
        Await.until(() -> vm.documentProperty().get() != null
                && !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void locationIdReadsTheSameInTableAndDetailAndAsIoregInTheTextExport(FxRobot robot) throws Exception {
        open(robot, TestData.path(DUMP));
        IORegistryEntry keyboard = vm.documentProperty().get().registry().entries().stream()
                .filter(e -> e.className().equals("AppleUSBTCKeyboard")).findFirst().orElseThrow();
        // the dump's 18446744073610067968 is the 32-bit 0xfa120000, sign-extended by ioreg
        assertThat(keyboard.property("LocationID")).isEqualTo(OSNumber.of32(0xfa120000L));
        robot.interact(() -> vm.selectedProperty().set(keyboard));
        WaitForAsyncUtils.waitForFxEvents();
        TreeTableView<PropertyNode> table = robot.lookup("#inspectorTable").queryAs(TreeTableView.class);
        TreeItem<PropertyNode> row = table.getRoot().getChildren().stream()
                .filter(i -> i.getValue().key().equals("LocationID")).findFirst().orElseThrow();
        assertThat(row.getValue().value()).isEqualTo("4195483648 (0xfa120000)");
        robot.interact(() -> table.getSelectionModel().select(row));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#valueDetail").queryAs(TextArea.class).getText())
                .startsWith("4195483648 (0xfa120000)");
        // the text export prints what ioreg printed, exactly as the real dump shows it
        String text = EntryExport.text(vm.documentProperty().get().registry(), keyboard,
                vm.planeProperty().get(), false, SnapshotFormat.IOREG_TEXT);
        assertThat(text).contains("\"LocationID\" = 18446744073610067968");
    }

    @Test
    void exportWritesTheFormatItsNameSaysAndProposesANameFromTheSnapshot(FxRobot robot, @TempDir Path dir)
            throws Exception {
        open(robot, TestData.path(DUMP));
        List<SnapshotFormat> formats = EntryExport.fileFormats();
        // the defect: export1.json chosen while the first filter (IORegistryExplorer archive) was selected
        Path json = dir.resolve("export1.json");
        SnapshotFormat f = ExportChoice.format(json.getFileName().toString(), SnapshotFormat.IOREG_ARCHIVE, formats);
        assertThat(f).isEqualTo(SnapshotFormat.JSON);
        robot.interact(() -> vm.export(json, f, false));
        Await.until(() -> Files.exists(json) && vm.statusProperty().get()
                .startsWith("Saved export1.json"));
        assertThat(Files.readString(json)).startsWith("{");
        assertThat(Snapshots.load(json).format()).isEqualTo(SnapshotFormat.JSON);
        // a name without an extension takes the selected filter; an unknown extension too
        assertThat(ExportChoice.format("export2", SnapshotFormat.IOREG_XML, formats))
                .isEqualTo(SnapshotFormat.IOREG_XML);
        assertThat(ExportChoice.format("export3.bak", SnapshotFormat.JSON, formats)).isEqualTo(SnapshotFormat.JSON);
        assertThat(ExportChoice.format("export4.ioreg", SnapshotFormat.JSON, formats))
                .isEqualTo(SnapshotFormat.IOREG_ARCHIVE);
        assertThat(ExportChoice.format("export5.txt", null, formats)).isEqualTo(SnapshotFormat.IOREG_TEXT);
        // the proposed name: the snapshot's name with the format's extension, never the source itself
        assertThat(ExportChoice.proposedName("MacBookPro8-1.IOService.txt", null, SnapshotFormat.IOREG_ARCHIVE))
                .isEqualTo("MacBookPro8-1.IOService.ioreg");
        assertThat(ExportChoice.proposedName("MacBookPro8-1.IOService.txt", null, SnapshotFormat.JSON))
                .isEqualTo("MacBookPro8-1.IOService.json");
        assertThat(ExportChoice.proposedName("MacBookPro8-1.IOService.txt", null, SnapshotFormat.IOREG_TEXT))
                .isEqualTo("MacBookPro8-1.IOService-export.txt");
        assertThat(ExportChoice.proposedName("iMac16-1.ioreg", "XHC1", SnapshotFormat.IOREG_ARCHIVE))
                .isEqualTo("iMac16-1-XHC1.ioreg");
        assertThat(ExportChoice.proposedName("Virtual Mac", null, SnapshotFormat.JSON)).isEqualTo("Virtual Mac.json");
    }
}
