package dev.ioscope.app.workbench.userclient;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ioscope.app.ui.Styles;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.userclient.MethodDescription;
import dev.ioscope.engine.userclient.StructField;
import dev.ioscope.engine.userclient.UserClientAction.Call;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The call form generated from a method's description: one field per scalar input (decimal, or 0x hex for the
 * full 64 bits, each echoed in the other base), a hex editor for the structure input with its byte count against
 * the expected size, optional output room, and "async" where the row allows it. Nothing is enforced here: the
 * point is to see what the kernel's checks answer, so empty scalar fields are simply not sent and sizes may be
 * wrong ({@code IOUserClient::externalMethod} decides, as on a real Mac).
 */
final class MethodForm extends VBox {
    private final FlowPane scalars = new FlowPane(6, 4);
    private final List<TextField> scalarFields = new ArrayList<>();
    private final Label scalarHint = new Label();
    private final TextArea struct = new TextArea();
    private final Label structHint = new Label();
    private final TextField out = new TextField();
    private final TextField outStruct = new TextField();
    private final CheckBox async = new CheckBox("async");
    private final FlowPane fields = new FlowPane(8, 4);
    private final Map<StructField, TextField> fieldInputs = new LinkedHashMap<>();
    private MethodDescription method;

    MethodForm() {
        super(4);
        setPadding(new Insets(2, 0, 2, 0));
        Button more = new Button("+");
        more.setId("addScalar");
        more.setOnAction(e -> addScalar());
        Button fewer = new Button("−");
        fewer.setId("removeScalar");
        fewer.setOnAction(e -> {
            if (!scalarFields.isEmpty()) {
                scalarFields.remove(scalarFields.size() - 1);
                scalars.getChildren().remove(scalars.getChildren().size() - 1);
                hints();
            }
        });
        struct.setId("structHex");
        struct.setPrefRowCount(2);
        struct.setWrapText(true);
        struct.getStyleClass().add(Styles.HEX_DUMP);
        struct.setPromptText("structure input: hex bytes, spaces allowed (0a 0b 0c)");
        struct.textProperty().addListener((o, a, b) -> hints());
        out.setId("scalarOutputRoom");
        outStruct.setId("structOutputRoom");
        out.setPrefColumnCount(4);
        outStruct.setPrefColumnCount(5);
        out.setPromptText("auto");
        outStruct.setPromptText("auto");
        async.setId("asyncCall");
        Label scalarLabel = new Label("Scalars");
        scalarLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox scalarRow = new HBox(6, scalarLabel, scalars, more, fewer);
        scalarRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(scalars, Priority.ALWAYS);
        scalarHint.setId("scalarHint");
        scalarHint.getStyleClass().add("uc-hint");
        HBox roomRow = new HBox(6, new Label("Output room: scalars"), out, new Label("struct bytes"), outStruct,
                async);
        roomRow.setAlignment(Pos.CENTER_LEFT);
        Label structLabel = new Label("Struct");
        structLabel.setMinWidth(Label.USE_PREF_SIZE);
        structHint.setMinWidth(Label.USE_PREF_SIZE);
        structHint.getStyleClass().add("uc-hint");
        fields.setId("structFields");
        getChildren().addAll(scalarRow, scalarHint, fields, new HBox(6, structLabel, struct, structHint), roomRow);
        HBox.setHgrow(struct, Priority.ALWAYS);
        show(null);
    }

    /** Rebuilds the form for {@code m} (null: nothing selected). */
    void show(MethodDescription m) {
        method = m;
        scalarFields.clear();
        scalars.getChildren().clear();
        int n = m == null ? 0 : m.scalarInputs() == MethodDescription.VARIABLE ? 2 : Math.min(m.scalarInputs(), 16);
        for (int i = 0; i < n; i++) {
            addScalar();
        }
        struct.clear();
        structFields(m);
        out.clear();
        outStruct.clear();
        async.setSelected(false);
        async.setDisable(m == null || !m.async());
        setDisable(m == null);
        hints();
    }

    /**
     * Typed fields for a described structure (MethodTableJson "structure"): each edit rewrites the hex editor with
     * the structure they make (zeros elsewhere), which stays editable and is what is sent.
     */
    private void structFields(MethodDescription m) {
        fieldInputs.clear();
        fields.getChildren().clear();
        boolean described = m != null && !m.structure().isEmpty();
        fields.setVisible(described);
        fields.setManaged(described);
        if (!described) {
            return;
        }
        for (var f : m.structure()) {
            TextField t = new TextField();
            t.setId("field-" + f.name());
            t.setPrefColumnCount(f.type().equals("bytes") ? 14 : f.type().equals("u64") ? 9 : 5);
            t.setPromptText(f.type());
            t.textProperty().addListener((o, a, b) -> composeStruct());
            Label l = new Label(f.name());
            l.getStyleClass().add("uc-hint");
            fieldInputs.put(f, t);
            fields.getChildren().add(new VBox(0, l, t));
        }
    }

    private void composeStruct() {
        int size = method.structureInputSize() == MethodDescription.VARIABLE
                ? method.structure().stream().mapToInt(StructField::end).max().orElse(0)
                : method.structureInputSize();
        byte[] bytes = new byte[size];
        try {
            fieldInputs.forEach((f, t) -> {
                if (!t.getText().isBlank()) {
                    f.encode(t.getText(), bytes);
                }
            });
        } catch (IllegalArgumentException e) {
            structHint.setText(e.getMessage());
            return;
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            hex.append(i == 0 ? "" : i % 16 == 0 ? "\n" : " ").append(String.format("%02x", bytes[i]));
        }
        struct.setText(hex.toString());
    }

    private void addScalar() {
        TextField f = new TextField();
        int i = scalarFields.size();
        f.setId("scalar" + i);
        f.setPrefColumnCount(7);
        f.setPromptText("#" + i + " dec or 0x");
        Label other = new Label();
        other.getStyleClass().add("uc-hint");
        other.getStyleClass().add(Styles.HEX_DUMP);
        f.textProperty().addListener((o, a, b) -> {
            other.setText(otherBase(b));
            hints();
        });
        scalarFields.add(f);
        scalars.getChildren().add(new VBox(0, f, other));
        hints();
    }

    /** The value in the other base: {@code 0x10} → {@code = 16}, {@code 16} → {@code = 0x10}; blank when invalid. */
    static String otherBase(String s) {
        Long v = parseScalar(s);
        if (v == null) {
            return s == null || s.isBlank() ? "" : "not a number";
        }
        String t = s.trim();
        return t.startsWith("0x") || t.startsWith("0X") ? "= " + Long.toString(v) : "= 0x" + Long.toHexString(v);
    }

    /** A 64-bit scalar as the call line reads it: signed decimal, or 0x hex (the unsigned bits); null if neither. */
    static Long parseScalar(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        try {
            return t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16)
                    : Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void hints() {
        if (method == null) {
            scalarHint.setText("");
            structHint.setText("");
            return;
        }
        scalarHint.setText("expects " + shape(method.scalarInputs(), "scalar(s)") + ", sending " + filled()
                + " (empty fields are not sent)");
        int bytes = structBytes() == null ? -1 : structBytes().length;
        structHint.setText((bytes < 0 ? "not hex" : bytes + " byte(s)") + "\nexpects "
                + shape(method.structureInputSize(), "byte(s)"));
    }

    private long filled() {
        return scalarFields.stream().filter(f -> !f.getText().isBlank()).count();
    }

    static String shape(int n, String unit) {
        return n == MethodDescription.VARIABLE ? "any number of " + unit : n + " " + unit;
    }

    private byte[] structBytes() {
        String hex = struct.getText().replaceAll("\\s+", "");
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The arguments of a {@code call} action for this form on {@code connection} (docs/scenarios.md): selector,
     * the filled scalars, the struct, output room when given, and async with {@code refcon}.
     *
     * @throws IllegalArgumentException naming the field that does not parse
     */
    Call callArgs(String connection, long refcon) {
        if (method == null) {
            throw new IllegalArgumentException("pick a method first");
        }
        JsonValue scalars = null;
        List<String> values = new ArrayList<>();
        for (int i = 0; i < scalarFields.size(); i++) {
            String t = scalarFields.get(i).getText().trim();
            if (!t.isEmpty()) {
                if (parseScalar(t) == null) {
                    throw new IllegalArgumentException("scalar #" + i + " is not a 64-bit number: " + t);
                }
                values.add(t);
            }
        }
        if (!values.isEmpty()) {
            // a JSON array of numbers, so a saved session reads as it was meant; a value past 2^63 (hex only)
            // keeps the text form, which the call parser reads too
            var arr = JsonNodeFactory.instance.arrayNode();
            boolean plain = true;
            for (String v : values) {
                long n = parseScalar(v);
                plain &= n >= 0;
                arr.add(n);
            }
            scalars = plain ? new JsonValue(arr) : JsonValue.of("[" + String.join(",", values) + "]");
        }
        byte[] bytes = structBytes();
        if (bytes == null) {
            throw new IllegalArgumentException("the structure input is not an even number of hex digits");
        }
        String struct = bytes.length > 0 ? HexFormat.of().formatHex(bytes) : null;
        JsonValue outRoom = room("out", out.getText());
        JsonValue outStructRoom = room("outStruct", outStruct.getText());
        boolean isAsync = async.isSelected();
        return new Call(connection, null, JsonValue.of((long) method.selector()), scalars, struct, outRoom,
                outStructRoom, isAsync ? JsonValue.of(true) : null, isAsync ? JsonValue.of(refcon) : null);
    }

    private static JsonValue room(String key, String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        Long v = parseScalar(t);
        if (v == null || v < 0 || v > 0xffffffffL) {
            throw new IllegalArgumentException(key + " must be a number 0..4294967295: " + t);
        }
        return JsonValue.of(v);
    }
}
