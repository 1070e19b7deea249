package dev.ioscope.app.workbench.matching;

import dev.ioscope.app.workbench.WorkbenchFixtures;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;

import static dev.ioscope.app.workbench.WorkbenchFixtures.await;
import static dev.ioscope.app.workbench.WorkbenchFixtures.tree;
import static dev.ioscope.app.workbench.WorkbenchFixtures.treeHas;
import static org.assertj.core.api.Assertions.assertThat;

/** The Matching tab of a real workbench window under Monocle, on the IntelMausi hot-plug scenario. */
@ExtendWith(ApplicationExtension.class)
class MatchingPaneTest {
    private static final String ETH = "IOService:/ethernet@1f,6";
    private WorkbenchView view;
    private WorkbenchViewModel vm;

    @Start
    void start(Stage shared) throws Exception {
        view = WorkbenchFixtures.show("hotplug", WorkbenchFixtures.hotplug(Files.createTempDirectory("wb")), false);
        vm = view.viewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> view.stage().close());
    }

    @SuppressWarnings("unchecked")
    @Test
    void explainShownForARejectedProviderAndScrubbingBack(FxRobot robot) throws Exception {
        await(() -> tree(robot).getRoot() != null);
        robot.clickOn("#run");
        // the run is over: quiet, with realtek matched and the scenario's last action (terminate at 1 ms) done
        await(() -> vm.quietProperty().get()
                && vm.events().stream().anyMatch(e -> e.entry().startsWith("IOService:/realtek"))
                && vm.events().stream().anyMatch(e -> e.t() >= 1_000_000));

        TreeCell<?> realtek = robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> c.getText() != null && c.getText().startsWith("realtek")).findFirst().orElseThrow();
        robot.clickOn(realtek);
        TreeTableView<MatchRow> table = robot.lookup("#matchTable").queryAs(TreeTableView.class);
        await(() -> table.getRoot() != null && table.getRoot().getChildren().size() == 1);
        TreeItem<MatchRow> cand = table.getRoot().getChildren().get(0);
        assertThat(cand.getValue().name()).isEqualTo("IntelMausi");
        assertThat(cand.getValue().verdict()).isEqualTo("rejected by IOPCIMatch");
        assertThat(cand.getChildren()).anySatisfy(k -> {
            assertThat(k.getValue().name()).startsWith("IOPCIMatch 0x10EA8086");
            assertThat(k.getValue().verdict()).isEqualTo("✘ no match");
            assertThat(k.getValue().bundle()).contains("0x816810ec");
        });
        assertThat(robot.lookup("#matchHeader").queryAs(Label.class).getText())
                .startsWith("Matching IOService:/realtek  <IOPCIDevice>:  1 candidate(s)");
        // the selected key's verdict in full, beneath the table (a cell cuts the long IOPCIMatch reason)
        cand.setExpanded(true);
        TreeItem<MatchRow> key = cand.getChildren().stream()
                .filter(k -> k.getValue().name().startsWith("IOPCIMatch")).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(key));
        assertThat(robot.lookup("#matchDetail").queryAs(Label.class).getText())
                .startsWith("IOPCIMatch 0x10EA8086").contains("✘ no match").contains(key.getValue().bundle());

        // "why not?" from the catalogue picker
        robot.interact(() -> robot.lookup("#whyNotPersonality").queryAs(ComboBox.class)
                .getSelectionModel().select(0));
        robot.clickOn("#whyNot");
        TreeTableView<MatchRow> why = robot.lookup("#whyNotTable").queryAs(TreeTableView.class);
        await(() -> why.getRoot() != null);
        assertThat(why.getRoot().getChildren().get(0).getChildren()).extracting(i -> i.getValue().name())
                .anyMatch(n -> n.equals("IOProviderClass IOPCIDevice")).anyMatch(n -> n.startsWith("IOPCIMatch"));

        // scrubbing back to ethernet's registerService (#3): its driver is not there yet
        robot.interact(() -> robot.lookup("#timeline").queryAs(ListView.class).getSelectionModel().select(3));
        await(() -> vm.eventsNowProperty().get() == 5);
        assertThat(treeHas(robot, ETH)).isTrue();
        assertThat(treeHas(robot, ETH + "/IntelMausi")).isFalse();
        assertThat(treeHas(robot, "IOService:/realtek")).isFalse();
        await(() -> tree(robot).getSelectionModel().getSelectedItem() != null);
        assertThat(tree(robot).getSelectionModel().getSelectedItem().getValue().path()).isEqualTo(ETH);
    }
}
