package dev.ioscope.app.diagnostics;

import dev.ioscope.engine.registry.IOKitDiagnostics.ClassCount;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The diagnostics pane in a real window: sort by instances, filter, and the chart's bars. */
@ExtendWith(ApplicationExtension.class)
class DiagnosticsWindowTest {
    private DiagnosticsPane pane;
    private DiagnosticsViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = new DiagnosticsViewModel();
        vm.sourceProperty().set(DiagnosticsViewModelTest.real());
        pane = new DiagnosticsPane(vm);
        stage.setScene(new Scene(pane, 900, 600));
        stage.show();
    }

    @Test
    void sortsFiltersAndCharts(FxRobot robot) {
        TableColumn<ClassCount, ?> instances = pane.table().getColumns().get(1);
        robot.interact(() -> {
            instances.setSortType(TableColumn.SortType.DESCENDING);
            pane.table().getSortOrder().setAll(java.util.List.of(instances));
        });
        assertThat(pane.table().getItems().get(0)).isEqualTo(new ClassCount("OSNumber", 15_557));
        XYChart.Series<Number, String> bars = pane.chart().getData().get(0);
        assertThat(bars.getData()).hasSize(15);
        // the largest bar last in the series: the category axis runs bottom-up, so it is drawn on top
        assertThat(bars.getData().get(14).getYValue()).isEqualTo("OSNumber");
        robot.clickOn("#diagnosticsFilter").write("IOPCIDevice");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#diagnosticsFilter").queryAs(TextField.class).getText()).isEqualTo("IOPCIDevice");
        assertThat(pane.table().getItems()).extracting(ClassCount::className).containsExactly("IOPCIDevice");
        assertThat(pane.chart().getData().get(0).getData()).hasSize(1);
    }
}
