package dev.ioscope.app.explorer;

import dev.ioscope.app.Await;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.AppIcon;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.engine.explore.PlaneOrder;
import dev.ioscope.engine.explore.RegistrySearch;
import dev.ioscope.engine.explore.SearchQuery;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Typing into the search field one key at a time on the benchmark registry: each keystroke's query narrows the
 * last (searched among its hits only) and the tree is folded and opened on the attached tree; after every key the
 * window shows exactly what a whole search finds, opened exactly as far as the hits need, and every row on screen
 * keeps the icon of its own entry although the cells keep their icon nodes.
 */
@ExtendWith(ApplicationExtension.class)
class TypedSearchWindowTest {
    private ExplorerViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new ExplorerViewModel(Jobs.background(), AppPreferences.at("dev/ioscope/test/typedsearch"));
        new ExplorerView(stage, vm, WorkbenchView.LAUNCHER);
        stage.show();
        vm.openBenchmark(5_000);
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<IORegistryEntry> tree(FxRobot robot) {
        return robot.lookup("#registryTree").queryAs(TreeTableView.class);
    }

    private void awaitSearched() throws Exception {
        Await.until(() -> !vm.search().searchingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyKeystrokeShowsWhatAWholeSearchFindsOpenedAsFarAsItsHitsNeed(FxRobot robot) throws Exception {
        Await.until(() -> vm.documentProperty().get() != null && !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        var doc = vm.documentProperty().get();
        var plane = vm.planeProperty().get();
        int[] order = PlaneOrder.of(doc.registry(), plane).slots(doc.index());
        robot.clickOn("#searchField");
        String typed = "";
        for (String key : new String[] {"I", "O", "U", "S", "B", "H", "o", "s", "t", "I", "n"}) {
            robot.write(key);
            typed += key;
            awaitSearched();
            List<IORegistryEntry> whole = RegistrySearch.search(doc.index(), SearchQuery.quick(typed))
                    .entriesIn(order);
            assertThat(vm.search().hitsProperty().get()).as(typed).isNotEmpty().isEqualTo(whole);
            assertThat(OpenBranches.expanded(tree(robot))).as(typed)
                    .isEqualTo(wantOpen(whole, doc.registry().root(), plane));
            assertIconsMatchEntries(robot);
        }
        // Deleting a key widens the query again: a whole search, not one among the narrower hits.
        robot.type(KeyCode.BACK_SPACE);
        awaitSearched();
        String shorter = typed.substring(0, typed.length() - 1);
        assertThat(vm.search().hitsProperty().get())
                .isEqualTo(RegistrySearch.search(doc.index(), SearchQuery.quick(shorter)).entriesIn(order));
    }

    /** The root, the ancestors of the first revealed hits, and those of the selection. */
    private Set<IORegistryEntry> wantOpen(List<IORegistryEntry> hits, IORegistryEntry root,
                                          IORegistryPlane plane) {
        var keep = new ArrayList<>(hits.subList(0, Math.min(hits.size(),
                RegistryTreePane.MAX_REVEALED_HITS)));
        keep.add(vm.selectedProperty().get());
        return OpenBranches.ancestors(keep, root, plane);
    }

    private void assertIconsMatchEntries(FxRobot robot) {
        int seen = 0;
        for (var n : robot.lookup(".tree-table-cell").queryAll()) {
            if (n instanceof TreeTableCell<?, ?> c && c.isVisible() && !c.isEmpty()
                    && c.getItem() instanceof IORegistryEntry e && c.getGraphic() instanceof FontIcon icon) {
                assertThat(icon.isVisible()).isTrue();
                assertThat(icon.getIconCode()).as(e.name())
                        .isEqualTo(AppIcon.of(vm.shown().kindOf(e)).create().getIconCode());
                seen++;
            }
        }
        assertThat(seen).isPositive();
    }
}
