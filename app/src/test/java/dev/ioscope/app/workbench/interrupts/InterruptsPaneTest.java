package dev.ioscope.app.workbench.interrupts;

import dev.ioscope.app.ui.FxDispatch;
import dev.ioscope.app.workbench.MachineSession;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.Scenario;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Interrupts tab in a real window under Monocle: two widgets share io-apic-0's vector 16 (the real nubs'
 * {@code IOInterruptSpecifiers = (<1000000007000000>)}), the second driver's source left disabled (rule IC8).
 */
@ExtendWith(ApplicationExtension.class)
class InterruptsPaneTest {
    static final String KEXT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <plist version="1.0"><dict><key>CFBundleIdentifier</key><string>dev.ioscope.test.widget</string>
            <key>IOKitPersonalities</key><dict><key>Widget</key><dict><key>IOClass</key><string>WidgetDriver</string>
            <key>IOProviderClass</key><string>IOService</string><key>IONameMatch</key><string>widget</string>
            </dict></dict></dict></plist>
            """;
    static final String NUB = "{\"at\":1000,\"do\":\"publish\",\"parent\":\"IOService:/\",\"name\":\"widget\","
            + "\"location\":\"%s\",\"properties\":{\"IOInterruptControllers\":[\"io-apic-0\"],"
            + "\"IOInterruptSpecifiers\":[{\"data\":\"1000000007000000\"}]}}";

    private MachineSession session;
    private WorkbenchViewModel vm;
    private InterruptsPane pane;
    private Stage stage;

    @Start
    void start(Stage shared) throws Exception {
        Path dir = Files.createTempDirectory("interrupts");
        Files.writeString(dir.resolve("Info.plist"), KEXT);
        Files.writeString(dir.resolve("s.json"), "{\"kexts\":[\"Info.plist\"],\"actions\":["
                + "{\"at\":0,\"do\":\"register-interrupt-controller\",\"name\":\"io-apic-0\",\"vectors\":24,"
                + "\"shareable\":true}," + String.format(NUB, "1") + "," + String.format(NUB, "2") + ","
                + "{\"at\":5000,\"do\":\"add-interrupt-source\",\"path\":\"IOService:/widget@1/WidgetDriver\"},"
                + "{\"at\":5000,\"do\":\"add-interrupt-source\",\"path\":\"IOService:/widget@2/WidgetDriver\","
                + "\"enable\":false},"
                + "{\"at\":6000,\"do\":\"raise-interrupt\",\"path\":\"IOService:/widget@1\"}]}");
        session = new MachineSession("interrupts", Scenario.read(dir.resolve("s.json")), Map.of(),
                FxDispatch::runNowOrLater, e -> { });
        vm = new WorkbenchViewModel(session);
        session.start();
        pane = new InterruptsPane(vm);
        stage = new Stage();
        stage.setScene(new Scene(pane, 700, 400));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> stage.close());
        session.close();
    }

    private static List<String> lines(TreeItem<String> item, String indent, List<String> out) {
        for (TreeItem<String> c : item.getChildren()) {
            out.add(indent + c.getValue());
            lines(c, indent + "  ", out);
        }
        return out;
    }

    @Test
    void showsControllerVectorAndBothHandlersOfASharedLine(FxRobot robot) throws Exception {
        session.run();
        session.awaitIdle(20_000);
        while (!session.state().quiet()) {
            session.step();
            session.awaitIdle(20_000);
        }
        robot.interact(vm::pull);
        List<String> shown = lines(pane.tree().getRoot(), "", new ArrayList<>());
        // after the 6000 ns assertion the parent vector is masked: one of its two handlers is disabled (IC8)
        assertThat(shown).containsExactly(
                "io-apic-0  (24 vectors, 1 in use)",
                "  vector 16  edge  shared  disabled  delivered 1",
                "    [0] irq0 ← IOService:/widget@1 #0",
                "    [1] irq0 ← IOService:/widget@2 #0  disabled");
    }
}
