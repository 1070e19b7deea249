package dev.ioscope.app.workbench.userclient;

import dev.ioscope.app.ui.Resources;
import dev.ioscope.app.ui.Styles;
import dev.ioscope.app.workbench.EntryNode;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.service.DriverKitKeys;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.userclient.MethodDescription;
import dev.ioscope.engine.userclient.StructField;
import dev.ioscope.engine.userclient.UserClientAction;
import dev.ioscope.engine.userclient.UserClientConnection;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The user-client console (issue 8): pick a service, open a user client of a type, read its method table, fill the
 * form generated from a row, call, and read the IOReturn and outputs. Every open, call and close is a scenario
 * action at the current time ({@link WorkbenchViewModel#userClientAction}), so it is journaled, survives step back
 * and replays; what comes back is read from the published journal and {@link UserClientState}, never from the
 * engine's live objects. Async completions show up in the history when the virtual clock reaches them.
 */
public final class UserClientConsole extends VBox {
    private static final String IO_USER_CLIENT_CLASS = "IOUserClientClass";

    private final WorkbenchViewModel vm;
    private final ComboBox<String> service = new ComboBox<>();
    private final TextField type = new TextField("0");
    private final ComboBox<UserClientConnection> connection = new ComboBox<>();
    private final TableView<MethodDescription> methods = new TableView<>();
    private final Label doc = new Label();
    private final MethodForm form = new MethodForm();
    private final Label result = new Label();
    private final Label outputs = new Label();
    private final CallHistory history;
    private final MappedMemoryPane memory;
    private List<ConsoleCall> calls = List.of();
    private String awaitedConnection;

    public UserClientConsole(WorkbenchViewModel vm) {
        super(6);
        this.vm = vm;
        setPadding(new Insets(6));
        history = new CallHistory(this::saveWithDialog);
        memory = new MappedMemoryPane(vm, connection::getValue);

        service.setId("ucService");
        service.setEditable(true);
        service.setPromptText("IOService path");
        service.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(service, Priority.ALWAYS);
        type.setId("ucType");
        type.setPrefColumnCount(3);
        Button open = new Button("Open");
        open.setId("ucOpen");
        open.setOnAction(e -> open());
        HBox openRow = row(new Label("Service"), service, new Label("type"), type, open);

        connection.setId("ucConnection");
        connection.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(connection, Priority.ALWAYS);
        connection.setConverter(new StringConverter<>() {
            @Override
            public String toString(UserClientConnection c) {
                return c == null ? "" : c.name() + ": " + c.userClientClass() + " on " + c.service() + ", type "
                        + c.type() + (c.closed() ? " (closed)" : "");
            }

            @Override
            public UserClientConnection fromString(String s) {
                return null;
            }
        });
        connection.setPromptText("no connection open");
        Button close = new Button("Close");
        close.setId("ucClose");
        close.setOnAction(e -> close());
        HBox connRow = row(new Label("Connection"), connection, close);

        methods.setId("ucMethods");
        methods.setPlaceholder(new Label("Open a user client to see its method table"));
        methods.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        methods.getColumns().add(column("sel", 40, m -> String.valueOf(m.selector())));
        methods.getColumns().add(column("name", 110, MethodDescription::name));
        methods.getColumns().add(column("scalars in → out", 105,
                m -> size(m.scalarInputs()) + " → " + size(m.scalarOutputs())));
        methods.getColumns().add(column("struct in → out", 105,
                m -> size(m.structureInputSize()) + " → " + size(m.structureOutputSize())));
        methods.getColumns().add(column("async", 45, m -> m.async() ? "yes" : ""));
        methods.getColumns().add(column("doc", 200, MethodDescription::doc));
        methods.setPrefHeight(160);
        methods.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> {
            form.show(m);
            doc.setText(m == null ? "" : m.name() + ": " + Objects.toString(m.doc(), "")
                    + (m.entitlement() == null ? "" : "  (entitlement " + m.entitlement() + ")"));
        });
        doc.setWrapText(true);
        doc.setId("ucDoc");

        Button call = new Button("Call");
        call.setId("ucCall");
        call.setDefaultButton(false);
        call.setOnAction(e -> call());
        // Call sits below the scrolling form (the stream section can push the method table out of view), so it
        // names the method it calls
        call.textProperty().bind(Bindings.createStringBinding(() -> callLabel(
                methods.getSelectionModel().getSelectedItem()), methods.getSelectionModel().selectedItemProperty()));
        call.setTooltip(new Tooltip("IOConnectCallMethod with the method selected in the table above"));
        result.setId("ucResult");
        result.setStyle("-fx-font-weight: bold;");
        outputs.setId("ucOutputs");
        outputs.setWrapText(true);
        outputs.getStyleClass().add(Styles.HEX_DUMP);
        for (Button b : new Button[] {open, close, call}) {
            b.disableProperty().bind(vm.runningProperty());
        }
        HBox callRow = row(call, result);
        result.setMinWidth(0);   // a long answer ends in an ellipsis within the pane (the outputs below say the rest)
        HBox.setHgrow(result, Priority.ALWAYS);

        methods.setMinHeight(100);
        StreamConsole streams = new StreamConsole(vm, () -> service.getEditor().getText());
        VBox top = new VBox(6, openRow, connRow, streams, methods, doc, form);
        top.setPadding(new Insets(0, 4, 0, 0));
        // a described structure makes the form tall: it scrolls rather than squeezing the method table, while
        // Call, the IOReturn and the outputs stay in view below it
        ScrollPane formScroll = new ScrollPane(top);
        formScroll.setFitToWidth(true);
        ScrollPane outputScroll = new ScrollPane(outputs);
        outputScroll.setFitToWidth(true);
        outputScroll.setMaxHeight(110);
        outputScroll.setPrefHeight(70);
        outputScroll.setId("ucOutputScroll");
        BorderPane topScroll = new BorderPane(formScroll);
        topScroll.setBottom(new VBox(4, callRow, outputScroll));
        SplitPane split = new SplitPane(topScroll, memory, history);
        for (Region r : new Region[] {topScroll, memory, history}) {
            r.setMinHeight(0);   // every divider can be dragged all the way
        }
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.64, 0.8);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().add(split);
        getStylesheets().add(Resources.css("workbench/userclient.css"));

        vm.registryProperty().addListener((o, a, r) -> services(r));
        vm.panelState(UserClientState.STATE).addListener((o, a, s) -> refresh());
        vm.eventsNowProperty().addListener((o, a, n) -> refresh());
        connection.valueProperty().addListener((o, a, c) -> showTable(a, c));
        services(vm.registryProperty().get());
        refresh();
    }

    /** A row whose labels and buttons keep their text; the combo boxes take what is left. */
    private static HBox row(Node... nodes) {
        for (Node n : nodes) {
            if (n instanceof Labeled l) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            } else if (n instanceof ComboBox<?> c) {
                c.setPrefWidth(120);
            }
        }
        HBox h = new HBox(6, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static TableColumn<MethodDescription, String> column(String title, double width,
            Function<MethodDescription, String> value) {
        TableColumn<MethodDescription, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private static String size(int n) {
        return n == MethodDescription.VARIABLE ? "var" : String.valueOf(n);
    }

    /** Services that name a user-client class (others can still be typed, to see newUserClient refuse). */
    private void services(EntryNode root) {
        if (root == null) {
            return;
        }
        List<String> paths = new ArrayList<>();
        root.forEach(n -> {
            // a kext names its client in IOUserClientClass, a dext in UserClientProperties (docs/driverkit.md)
            if (n.properties() != null && (n.properties().get(IO_USER_CLIENT_CLASS) instanceof OSString
                    || n.properties().get(DriverKitKeys.USER_CLIENT_PROPERTIES) instanceof OSDictionary
                    && n.properties().get(DriverKitKeys.IO_USER_SERVER_NAME) instanceof OSString)) {
                paths.add(n.path());
            }
        });
        if (!paths.equals(service.getItems())) {
            String typed = service.getValue();
            service.getItems().setAll(paths);
            service.setValue(typed);
        }
    }

    private void showTable(UserClientConnection before, UserClientConnection now) {
        boolean same = before != null && now != null && before.table().equals(now.table());
        if (!same) {
            methods.getItems().setAll(now == null ? List.of() : now.table().methods());
            if (!methods.getItems().isEmpty()) {
                methods.getSelectionModel().selectFirst();
            }
        }
    }

    /** New state or position: the connection list, then the history and the last answer. */
    private void refresh() {
        UserClientState s = vm.panelState(UserClientState.STATE).get();
        UserClientConnection chosen = connection.getValue();
        String want = awaitedConnection != null ? awaitedConnection : chosen == null ? null : chosen.name();
        if (!s.connections().equals(connection.getItems())) {
            connection.getItems().setAll(s.connections());
        }
        UserClientConnection pick = s.connections().stream().filter(c -> c.name().equals(want)).findFirst()
                .orElse(s.connections().stream().filter(c -> !c.closed()).reduce((a, b) -> b).orElse(null));
        if (pick != null && awaitedConnection != null && pick.name().equals(awaitedConnection)) {
            awaitedConnection = null;
        }
        if (!Objects.equals(pick, connection.getValue())) {
            connection.setValue(pick);
        }
        memory.show(pick == null ? List.of() : pick.mappings());
        calls = ConsoleCall.of(s.consoleActions(), vm.events(), vm.eventsNowProperty().get());
        history.show(calls);
        lastAnswer();
    }

    /** The latest console call's IOReturn and outputs, in the result line under the form. */
    private void lastAnswer() {
        ConsoleCall last = null;
        for (ConsoleCall c : calls) {
            if (c.action().op() instanceof UserClientAction.Call) {
                last = c;
            }
        }
        result.getStyleClass().removeAll(CallHistory.OK, CallHistory.ERROR);
        if (last == null) {
            result.setText("");
            outputs.setText("");
            return;
        }
        JournalEvent r = last.result();
        if (r == null) {
            result.setText("…");
            outputs.setText("");
            return;
        }
        if (r.kind() == JournalKind.SCENARIO_ERROR) {
            result.setText("error: " + r.details().get("reason"));
            result.getStyleClass().add(CallHistory.ERROR);
            outputs.setText("");
            return;
        }
        MethodDescription m = methodOf(r);
        // named: the table's selection (and so the Call button) may have moved on since this call
        result.setText((m == null ? "" : m.name() + ": ") + CallHistory.ioReturn(r));
        result.getStyleClass().add(CallHistory.ok(r) ? CallHistory.OK : CallHistory.ERROR);
        outputs.setText(outputs(r, last.completions(), m));
    }

    /** The described method a call event names, on the shown connection (null when unknown). */
    private MethodDescription methodOf(JournalEvent r) {
        UserClientConnection c = connection.getValue();
        String sel = r.details().get("selector");
        if (c == null || sel == null || !sel.matches("\\d{1,9}") || !c.name().equals(r.details().get("connection"))) {
            return null;
        }
        int i = Integer.parseInt(sel);
        return i < c.table().methods().size() ? c.table().methods().get(i) : null;
    }

    /**
     * Scalar outputs in decimal and hex, the struct output as hex lines (and field by field when the method
     * describes its structure), and completions so far.
     */
    static String outputs(JournalEvent r, List<JournalEvent> completions, MethodDescription m) {
        StringBuilder sb = new StringBuilder();
        String so = r.details().getOrDefault("scalarOutput", "[]");
        String body = so.substring(1, so.length() - 1).trim();
        if (!body.isEmpty()) {
            sb.append("scalar outputs:");
            int i = 0;
            for (String v : body.split(",\\s*")) {
                long x = Long.parseLong(v);
                sb.append("  #").append(i++).append(" = ").append(x).append(" (0x").append(Long.toHexString(x))
                        .append(')');
            }
            sb.append('\n');
        }
        String hex = r.details().getOrDefault("structOutput", "");
        if (!hex.isEmpty()) {
            if (m != null && !m.structure().isEmpty()) {
                byte[] bytes = HexFormat.of().parseHex(hex);
                String dataType = null;
                for (var f : m.structure()) {
                    sb.append(f.name()).append(" = ").append(f.format(bytes)).append("   ");
                    dataType = f.name().equals("keyInfo.dataType") && f.end() <= bytes.length
                            ? new String(bytes, f.offset(), 4, StandardCharsets.ISO_8859_1)
                            : dataType;
                }
                sb.append('\n');
                smcValue(m.structure(), dataType, bytes).ifPresent(v -> sb.append("value = ").append(v).append('\n'));
            }
            sb.append("struct output, ").append(hex.length() / 2).append(" byte(s):\n")
                    .append(MappedMemoryPane.hexDump(hex.substring(0, Math.min(hex.length(), 2 * 256))))
                    .append(hex.length() > 2 * 256 ? "\n…" : "").append('\n');
        }
        if (Boolean.parseBoolean(r.details().get("async")) && CallHistory.ok(r)) {
            sb.append(completions.isEmpty() ? "async: completion not yet arrived (run on)"
                    : "async completion at t=" + completions.get(0).t() + ": "
                    + CallHistory.ioReturn(completions.get(0)) + " args=" + completions.get(0).details().get("args"));
        }
        return sb.toString().strip();
    }

    /**
     * An SMCParamStruct's {@code bytes} read by its {@code keyInfo.dataType} (the type a kSMCGetKeyInfo answer
     * gives, or the one typed into the call), e.g. {@code 44.5 °C (sp78)}. The field is little-endian in the
     * structure: its bytes, reversed, are the four characters.
     */
    /** SMCParamStruct.data8's command that reads a key's value (AppleSMC user tools' kSMCReadKey). */
    private static final int KSMC_READ_KEY = 5;

    private static Optional<String> smcValue(List<StructField> fields,
                                                       String dataTypeLE, byte[] bytes) {
        boolean readKey = fields.stream().anyMatch(f -> f.name().equals("data8") && f.offset() < bytes.length
                && bytes[f.offset()] == KSMC_READ_KEY);
        if (dataTypeLE == null || !readKey) {
            return Optional.empty();
        }
        String type = new StringBuilder(dataTypeLE).reverse().toString();
        return fields.stream().filter(f -> f.name().equals("bytes")).findFirst()
                .flatMap(f -> SmcReading.of(type, bytes, f.offset())).map(v -> v + " (" + type.strip() + ")");
    }

    // ------------------------------------------------------------------------------------------ actions

    private void open() {
        String path = service.getEditor().getText();
        if (path == null || path.isBlank()) {
            vm.statusProperty().set("pick a service to open");
            return;
        }
        String t = type.getText().trim();
        Long v = MethodForm.parseScalar(t);
        if (v == null || v < 0 || v > 0xffffffffL) {
            vm.statusProperty().set("type must be a number 0..4294967295");
            return;
        }
        String name = freeName();
        awaitedConnection = name;
        vm.userClientAction(new UserClientAction.Open(path.trim(), JsonValue.of(v), name));
    }

    /** A connection handle no connection uses yet: ui0, ui1, … */
    private String freeName() {
        UserClientState s = vm.panelState(UserClientState.STATE).get();
        var used = s.connections().stream().map(UserClientConnection::name).toList();
        var asked = s.consoleActions().stream().map(ConsoleCall::connectionOf).toList();
        for (int i = 0; ; i++) {
            if (!used.contains("ui" + i) && !asked.contains("ui" + i)) {
                return "ui" + i;
            }
        }
    }

    private void close() {
        UserClientConnection c = connection.getValue();
        if (c != null) {
            vm.userClientAction(new UserClientAction.Close(c.name()));
        }
    }

    /** "Call add (selector 0)"; plain "Call" until a method is selected. */
    static String callLabel(MethodDescription m) {
        return m == null ? "Call" : "Call " + m.name() + " (selector " + m.selector() + ")";
    }

    private void call() {
        UserClientConnection c = connection.getValue();
        if (c == null) {
            vm.statusProperty().set("open a user client first");
            return;
        }
        try {
            // refcon: the call's place among the console's actions, unique, so its completion finds its call
            vm.userClientAction(form.callArgs(c.name(), calls.size() + 1L));
        } catch (IllegalArgumentException e) {
            vm.statusProperty().set(e.getMessage());
        }
    }

    private void saveWithDialog() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save the session as a scenario");
        fc.setInitialFileName("session.json");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (JSON)", "*.json"));
        var f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            save(f.toPath());
        }
    }

    /** Saves the session as a scenario (the workbench's Save Session: machine, actions, breakpoints). */
    void save(Path file) {
        vm.saveSession(file);
    }

    CallHistory history() {
        return history;
    }
}
