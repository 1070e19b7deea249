package dev.ioscope.app.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCombination;
import javafx.stage.Modality;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * The Help menu every window has: About (version, build, the bundled libraries' licences), Documentation, and a
 * sheet of the keyboard shortcuts, read from the window's own menus so it cannot drift from them.
 */
public final class HelpMenu {
    private final Stage stage;
    private final MenuBar bar;
    private final List<String[]> extraKeys;
    private Alert lastDialog;

    /** {@code extraKeys}: keys no menu item carries (arrows in the tree...), as {keys, what} pairs. */
    public HelpMenu(Stage stage, MenuBar bar, List<String[]> extraKeys) {
        this.stage = stage;
        this.bar = bar;
        this.extraKeys = extraKeys;
    }

    public Menu menu() {
        MenuItem shortcuts = new MenuItem("Keyboard Shortcuts");
        shortcuts.setAccelerator(KeyCombination.keyCombination("F1"));
        shortcuts.setOnAction(e -> showShortcuts());
        MenuItem docs = new MenuItem("Documentation");
        docs.setOnAction(e -> showDocumentation());
        MenuItem about = new MenuItem("About IOScope");
        about.setOnAction(e -> showAbout());
        Menu help = new Menu("Help", null, shortcuts, docs, new SeparatorMenuItem(), about);
        help.setId("helpMenu");
        return help;
    }

    /** The last dialog this menu opened (tests read it). */
    public Alert lastDialog() {
        return lastDialog;
    }

    public void showAbout() {
        show("About IOScope", "IOScope " + AppInfo.load().version(), AppInfo.load().aboutText(), "aboutDialog");
    }

    public void showDocumentation() {
        Documentation.Where w = Documentation.locate();
        if (w.readme() != null && Documentation.open(w.readme())) {
            return;
        }
        show("Documentation", "IOScope documentation", w.text(), "documentationDialog");
    }

    public void showShortcuts() {
        show("Keyboard Shortcuts", "Keyboard shortcuts", shortcutsText(), "shortcutsDialog");
    }

    /** One line per shortcut: the menu items' accelerators (menu ▸ item), then the extra keys. */
    public String shortcutsText() {
        List<String[]> rows = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            collect(m, m.getText(), rows);
        }
        rows.addAll(extraKeys);
        int w = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append(r[0]).append(" ".repeat(w - r[0].length() + 3)).append(r[1]).append('\n');
        }
        return sb.toString();
    }

    private static void collect(Menu menu, String where, List<String[]> rows) {
        for (MenuItem it : menu.getItems()) {
            if (it instanceof Menu sub) {
                collect(sub, where + " ▸ " + sub.getText(), rows);
            } else if (it.getAccelerator() != null) {
                rows.add(new String[] {it.getAccelerator().getDisplayText(), where + " ▸ " + it.getText()});
            }
        }
    }

    private void show(String title, String header, String text, String id) {
        TextArea body = new TextArea(text);
        body.setEditable(false);
        body.setWrapText(true);
        body.getStyleClass().add(Styles.HEX_DUMP);
        body.setPrefColumnCount(72);
        body.setPrefRowCount(Math.min(22, (int) text.lines().count() + 1));
        Alert a = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
        a.initOwner(stage);
        a.initModality(Modality.NONE);
        a.setTitle(title);
        a.setHeaderText(header);
        a.setGraphic(null);
        a.getDialogPane().setContent(body);
        a.getDialogPane().setId(id);
        if (stage.getScene() != null) {
            a.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        }
        a.setResizable(true);
        lastDialog = a;
        a.show();
    }
}
