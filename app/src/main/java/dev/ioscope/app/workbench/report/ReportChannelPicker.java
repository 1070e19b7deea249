package dev.ioscope.app.workbench.report;

import dev.ioscope.engine.report.sampling.ReportFormat;
import dev.ioscope.engine.report.ReportChannel;
import javafx.application.Platform;
import javafx.scene.control.CheckBoxTreeItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.cell.CheckBoxTreeCell;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The machine's IOReport channels as group → subgroup → channel with check boxes (the legend's
 * {@code IOReportGroupName} / {@code IOReportSubGroupName}); checking a group picks every channel in it, as
 * {@code IOReportCopyChannelsInGroup(group, nil)} would. The checked channels, in catalogue order, go to
 * {@link ReportDashboardViewModel#select}.
 */
final class ReportChannelPicker extends TreeView<ReportChannelPicker.Node> {
    /** A row: a group or subgroup (no channel) or a channel. */
    record Node(String label, ReportChannel channel) {
    }

    private final ReportDashboardViewModel vm;
    private final Map<ReportChannel, CheckBoxTreeItem<Node>> leaves = new LinkedHashMap<>();
    private boolean rebuilding;
    private boolean pending;

    ReportChannelPicker(ReportDashboardViewModel vm) {
        this.vm = vm;
        setId("reportPicker");
        setShowRoot(false);
        setCellFactory(v -> new CheckBoxTreeCell<>(item -> item instanceof CheckBoxTreeItem<Node> c
                ? c.selectedProperty() : null, new StringConverter<>() {
                    @Override
                    public String toString(TreeItem<Node> t) {
                        Node n = t.getValue();
                        return n == null ? "" : n.channel() == null ? n.label()
                                : n.label() + "   (" + ReportFormat.kind(n.channel()) + ")";
                    }

                    @Override
                    public TreeItem<Node> fromString(String s) {
                        throw new UnsupportedOperationException();
                    }
                }));
        vm.channelsProperty().addListener((o, a, b) -> rebuild(b));
        rebuild(vm.channelsProperty().get());
    }

    /** Checks (or unchecks) every channel of {@code group} (and {@code subgroup}, when not null). */
    void pick(String group, String subgroup, boolean on) {
        leaves.forEach((ch, item) -> {
            if (group.equals(ch.group()) && (subgroup == null || subgroup.equals(ch.subgroup()))) {
                item.setSelected(on);
            }
        });
    }

    private void rebuild(List<ReportChannel> channels) {
        Set<ReportChannel> checked = new HashSet<>(vm.selectionProperty().get());
        Set<String> collapsed = new HashSet<>();
        if (getRoot() != null) {
            for (TreeItem<Node> g : getRoot().getChildren()) {
                if (!g.isExpanded()) {
                    collapsed.add(g.getValue().label());
                }
            }
        }
        rebuilding = true;
        leaves.clear();
        // a TreeView has no placeholder: an empty catalogue shows a root that says why
        CheckBoxTreeItem<Node> root = new CheckBoxTreeItem<>(new Node(channels.isEmpty()
                ? "No IOReport channels yet (drivers publish them when they start)" : "IOReport", null));
        setShowRoot(channels.isEmpty());
        Map<String, CheckBoxTreeItem<Node>> groups = new LinkedHashMap<>();
        Map<String, CheckBoxTreeItem<Node>> subgroups = new LinkedHashMap<>();
        for (ReportChannel ch : channels) {
            String gName = ch.group() == null ? "(no group)" : ch.group();
            CheckBoxTreeItem<Node> g = groups.computeIfAbsent(gName, k -> {
                CheckBoxTreeItem<Node> i = new CheckBoxTreeItem<>(new Node(k, null));
                i.setExpanded(!collapsed.contains(k));
                root.getChildren().add(i);
                return i;
            });
            CheckBoxTreeItem<Node> parent = g;
            if (ch.subgroup() != null && !ch.subgroup().isEmpty()) {
                parent = subgroups.computeIfAbsent(gName + "\u0000" + ch.subgroup(), k -> {
                    CheckBoxTreeItem<Node> i = new CheckBoxTreeItem<>(new Node(ch.subgroup(), null));
                    i.setExpanded(true);
                    g.getChildren().add(i);
                    return i;
                });
            }
            CheckBoxTreeItem<Node> leaf = new CheckBoxTreeItem<>(new Node(ReportFormat.name(ch), ch));
            parent.getChildren().add(leaf);
            leaf.setSelected(checked.contains(ch));
            leaf.selectedProperty().addListener((o, a, b) -> changed());
            leaves.put(ch, leaf);
        }
        root.setExpanded(true);
        setRoot(root);
        rebuilding = false;
    }

    /** Checking a group flips many leaves: one selection per pulse, not one per leaf. */
    private void changed() {
        if (rebuilding || pending) {
            return;
        }
        pending = true;
        Platform.runLater(() -> {
            pending = false;
            List<ReportChannel> picked = new ArrayList<>();
            leaves.forEach((ch, item) -> {
                if (item.isSelected()) {
                    picked.add(ch);
                }
            });
            vm.select(picked);
        });
    }
}
