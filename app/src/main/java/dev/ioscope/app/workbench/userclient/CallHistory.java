package dev.ioscope.app.workbench.userclient;

import dev.ioscope.app.ui.Styles;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.sim.ScenarioWriter;
import dev.ioscope.engine.sim.streams.StreamEvents;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The console's history: each action it added, as the line of scenario JSON it is (what a saved scenario
 * contains), followed by what came back — the IOReturn (name and value) and outputs, async completions once the
 * virtual clock has reached them, "…" while an answer lies ahead. Read-only rich text; "Copy" puts the action lines
 * on the clipboard, "Save as scenario…" writes the whole session as a scenario {@code ioscope run} replays.
 */
final class CallHistory extends BorderPane {
    static final String ACTION = "uc-action";
    static final String OK = "uc-ok";
    static final String ERROR = "uc-error";
    static final String PENDING = "uc-pending";

    private final StyleClassedTextArea area = new StyleClassedTextArea();
    private List<ConsoleCall> shown = List.of();

    CallHistory(Runnable save) {
        area.setEditable(false);
        area.setWrapText(true);
        area.setId("callHistory");
        area.getStyleClass().addAll(Styles.SOURCE, "uc-history");
        Button copy = new Button("Copy");
        copy.setId("copyHistory");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(actionLines());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button saveButton = new Button("Save as scenario…");
        saveButton.setId("saveScenario");
        saveButton.setOnAction(e -> save.run());
        Label title = new Label("History (replayable)");
        HBox bar = new HBox(6, title, copy, saveButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 0, 4, 0));
        setTop(bar);
        setCenter(new VirtualizedScrollPane<>(area));
    }

    /** Shows {@code calls} (redrawn only when something changed). */
    void show(List<ConsoleCall> calls) {
        if (calls.equals(shown)) {
            return;
        }
        shown = calls;
        List<String[]> pieces = new ArrayList<>();   // {text, style}
        for (ConsoleCall c : calls) {
            pieces.add(new String[] {ScenarioWriter.line(c.action()) + "\n", ACTION});
            JournalEvent r = c.result();
            if (r == null) {
                pieces.add(new String[] {"    … not reached at this point\n", PENDING});
                continue;
            }
            pieces.add(new String[] {"    → t=" + r.t() + "  " + answer(r) + "\n", ok(r) ? OK : ERROR});
            for (JournalEvent done : c.completions()) {
                pieces.add(new String[] {"    ⤷ t=" + done.t() + "  async completion refcon " + done.details()
                        .get("refcon") + ": " + ioReturn(done) + "  args=" + done.details().get("args") + "\n",
                        ok(done) ? OK : ERROR});
            }
            if (ConsoleCall.async(c.action()) && c.completions().isEmpty() && ok(r)) {
                pieces.add(new String[] {"    ⤷ async completion pending (run on)\n", PENDING});
            }
        }
        StringBuilder text = new StringBuilder();
        pieces.forEach(p -> text.append(p[0]));
        area.replaceText(text.toString());
        int at = 0;
        for (String[] p : pieces) {
            area.setStyleClass(at, at + p[0].length(), p[1]);
            at += p[0].length();
        }
        area.moveTo(area.getLength());
        area.requestFollowCaret();
    }

    /** The history's text (tests, copy). */
    String text() {
        return area.getText();
    }

    /** The action lines only: valid members of a scenario's {@code actions} array. */
    String actionLines() {
        StringBuilder sb = new StringBuilder();
        shown.forEach(c -> sb.append(ScenarioWriter.line(c.action())).append(",\n"));
        return sb.toString();
    }

    static boolean ok(JournalEvent e) {
        if (e.kind() instanceof StreamEvents k) {
            return k != StreamEvents.REFUSED;
        }
        return "0x00000000".equals(e.details().get("value"));
    }

    static String ioReturn(JournalEvent e) {
        return e.details().get("result") + " (" + e.details().get("value") + ")";
    }

    /** What an action's event says: the IOReturn and, per kind, the outputs or the new connection. */
    static String answer(JournalEvent e) {
        var d = e.details();
        if (e.kind() instanceof StreamEvents k) {
            return streamAnswer(k, d);
        }
        if (!(e.kind() instanceof JournalKind kind)) {
            return ioReturn(e);
        }
        switch (kind) {
            case SCENARIO_ERROR:
                return "error: " + d.get("reason");
            case USERCLIENT_OPEN:
                return ioReturn(e) + (d.get("connection").isEmpty() ? "" : "  connection " + d.get("connection")
                        + ", " + d.get("class") + ", " + d.get("methods") + " methods");
            case USERCLIENT_CALL:
                String so = d.get("structOutput");
                return ioReturn(e) + "  " + (d.get("method").isEmpty() ? "selector " + d.get("selector")
                        : d.get("method")) + ("[]".equals(d.get("scalarOutput")) ? ""
                        : "  scalarOutput=" + d.get("scalarOutput"))
                        + (so == null || so.isEmpty() ? "" : "  structOutput=" + abbreviate(so));
            case USERCLIENT_MAP:
                return ioReturn(e) + "  memory type " + d.get("memoryType") + ", " + d.get("size") + " bytes";
            case USERCLIENT_DEQUEUE:
                return ioReturn(e) + "  data=" + abbreviate(d.get("data"));
            default:
                return ioReturn(e);
        }
    }

    /** What a stream action did: kIOReturnSuccess and where the buffer went, or the refusal and why (ST1-ST6). */
    static String streamAnswer(StreamEvents k, Map<String, String> d) {
        String ok = "kIOReturnSuccess  ";
        return switch (k) {
            case OPEN -> ok + "stream " + d.get("stream") + " open by " + d.get("client") + ", queues of "
                    + d.get("entryCount") + " entries";
            case CLOSE -> ok + "closed: every buffer is the driver's again";
            case CONTROL -> ok + d.get("call");
            case ENQUEUE -> ok + "buffer " + d.get("buffer") + " → " + d.get("queue") + " queue (head "
                    + d.get("headIndex") + ", tail " + d.get("tailIndex") + ")";
            case DEQUEUE -> ok + "buffer " + d.get("buffer") + " ← " + d.get("queue") + " queue, now "
                    + ("output".equals(d.get("queue")) ? "the user's" : "the driver's");
            case REFUSED -> d.get("result") + "  " + d.get("call") + ": " + d.get("reason");
            default -> k.id();
        };
    }

    private static String abbreviate(String hex) {
        return hex.length() <= 64 ? hex : hex.substring(0, 64) + "… (" + hex.length() / 2 + " bytes)";
    }
}
