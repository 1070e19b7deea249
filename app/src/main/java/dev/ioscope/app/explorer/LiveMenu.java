package dev.ioscope.app.explorer;

import dev.ioscope.app.ui.HoverTips;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.util.Duration;

import java.util.List;

/**
 * The File menu's live registry items: Open This Mac (disabled with the reason where there is no ioreg), Refresh
 * Now and Auto-Refresh (off / 1 s / 5 s, only for a live document), and the timer that refreshes. Where there is no
 * ioreg the item is disabled and its label carries the reason as a tooltip (a custom item, since a MenuItem has no
 * tooltip of its own). Known limit: JavaFX shows no tooltip over a disabled node, so the reason is also in
 * docs/explorer.md.
 */
final class LiveMenu {
    private final ExplorerViewModel vm;
    private final CustomMenuItem open;
    private final MenuItem refresh;
    private final Menu auto;
    private Timeline timer;

    LiveMenu(ExplorerViewModel vm) {
        this.vm = vm;
        Label label = new Label("Open This Mac");
        // a custom item has no graphic column: line its text up with the other items' (which leave room for one)
        label.setPadding(new Insets(0, 0, 0, 21));
        open = new CustomMenuItem(label);
        open.setId("openThisMac");
        open.setOnAction(e -> vm.openThisMac());
        if (!vm.liveAvailable()) {
            open.setDisable(true);
            HoverTips.set(label, ExplorerViewModel.NO_LIVE);
        }
        refresh = new MenuItem("Refresh Now");
        refresh.setId("refreshLive");
        refresh.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        refresh.setOnAction(e -> vm.refreshLive());
        refresh.disableProperty().bind(vm.liveProperty().not());
        auto = new Menu("Auto-Refresh");
        auto.setId("autoRefresh");
        auto.disableProperty().bind(vm.liveProperty().not());
        ToggleGroup group = new ToggleGroup();
        for (LiveRefresh r : LiveRefresh.values()) {
            RadioMenuItem m = new RadioMenuItem(r.label());
            m.setToggleGroup(group);
            m.setUserData(r);
            m.setSelected(vm.liveRefreshProperty().get() == r);
            m.setOnAction(e -> vm.liveRefreshProperty().set(r));
            auto.getItems().add(m);
        }
        vm.liveRefreshProperty().addListener((o, a, b) -> {
            group.getToggles().forEach(t -> t.setSelected(t.getUserData() == b));
            schedule(b);
        });
    }

    List<MenuItem> items() {
        return List.of(open, refresh, auto);
    }

    /** The tooltip text of Open This Mac, or null when it is enabled (tests). */
    String openTip() {
        return open.getContent() instanceof Label l ? HoverTips.text(l) : null;
    }

    CustomMenuItem openItem() {
        return open;
    }

    /** Ticks on the FX thread; each tick asks for a refresh, which reads on a job thread and never overlaps. */
    private void schedule(LiveRefresh every) {
        if (timer != null) {
            timer.stop();
            timer = null;
        }
        if (every != LiveRefresh.OFF) {
            timer = new Timeline(new KeyFrame(Duration.millis(every.interval().toMillis()), e -> vm.refreshLive()));
            timer.setCycleCount(Timeline.INDEFINITE);
            timer.play();
        }
    }
}
