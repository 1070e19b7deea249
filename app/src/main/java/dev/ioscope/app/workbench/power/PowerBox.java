package dev.ioscope.app.workbench.power;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.FontWeight;

/**
 * One member of the power tree in the diagram: its name, its state ordinal among its states (currentPowerState,
 * which power management updates when a change ends; "0 → 2" while one is in progress), its class, filled with
 * the colour of its {@link PowerStateKind}; a thick blue border when it is the workbench's selected entry.
 */
final class PowerBox extends VBox {
    static final String STYLE_CLASS = "power-box";
    private static final Color SELECTED = Color.web("#1565c0");
    private final PowerRow row;
    private final PowerStateKind kind;
    private final Label state;
    private boolean selected;

    /** A box for {@code row}; {@code target} the state a change in progress goes to (-1: none known). */
    PowerBox(PowerRow row, int target) {
        super(0);
        this.row = row;
        this.kind = PowerStateKind.of(row);
        getStyleClass().add(STYLE_CLASS);
        setUserData(row.path());
        setPadding(new Insets(2, 8, 2, 8));
        setPrefSize(PowerTreeLayout.BOX_W, PowerTreeLayout.BOX_H);
        setMinSize(PowerTreeLayout.BOX_W, PowerTreeLayout.BOX_H);
        setMaxSize(PowerTreeLayout.BOX_W, PowerTreeLayout.BOX_H);
        setBackground(new Background(new BackgroundFill(kind.color(), new CornerRadii(6), Insets.EMPTY)));
        Label name = text(row.name(), FontWeight.BOLD);
        state = text(row.states() == 0 ? "no power driver"
                : "state " + row.state() + (row.changing() && target >= 0 ? " → " + target : "") + " · "
                + row.states() + " states", FontWeight.NORMAL);
        Label cls = text(kind.label() + " · " + row.className(), FontWeight.NORMAL);
        cls.setOpacity(0.75);
        getChildren().addAll(name, state, cls);
        Tooltip.install(this, new Tooltip(row.path() + "\n" + row.className() + "\ncapabilityFlags: "
                + (row.capabilities().isEmpty() ? "—" : row.capabilities())
                + (row.parent().isEmpty() ? "" : "\npower parent: " + row.parent())));
        setSelected(false);
    }

    private static Label text(String s, FontWeight weight) {
        Label l = new Label(s);
        // inline: the boxes' fills are light in both themes, and a theme's label colour would win over setTextFill
        l.setStyle("-fx-text-fill: #111111; -fx-font-size: 11px;" + (weight == FontWeight.BOLD
                ? " -fx-font-weight: bold;" : ""));
        l.setMaxWidth(PowerTreeLayout.BOX_W - 16);
        return l;
    }

    void setSelected(boolean selected) {
        this.selected = selected;
        setBorder(new Border(new BorderStroke(selected ? SELECTED : kind.color().darker(),
                row.changing() ? BorderStrokeStyle.DASHED : BorderStrokeStyle.SOLID, new CornerRadii(6),
                new BorderWidths(selected ? 3 : 1))));
    }

    /** The state line as shown, e.g. "state 3 → 2 · 4 states". */
    String stateText() {
        return state.getText();
    }

    boolean isSelected() {
        return selected;
    }

    PowerRow row() {
        return row;
    }

    PowerStateKind kind() {
        return kind;
    }
}
