package dev.ioscope.app.workbench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the power view draws each member of the power tree: top-down, one row per depth, leaves side by side in
 * the tree's child order and each parent centred over its children. Only the rows decide it (no measuring), so
 * the same tree always gives the same picture.
 */
record PowerTreeLayout(List<Box> boxes, List<Edge> edges, double width, double height) {
    static final double BOX_W = 156;
    static final double BOX_H = 50;
    static final double H_GAP = 18;
    static final double V_GAP = 22;
    static final double MARGIN = 10;

    /** A member's box: top-left corner. */
    record Box(PowerRow row, double x, double y) {
    }

    /** A power parent → child link, from the bottom centre of one box to the top centre of the other. */
    record Edge(double x1, double y1, double x2, double y2) {
    }

    /** Lays out rows given parents before children (as {@link PowerRow#copyOf} lists them). */
    static PowerTreeLayout of(List<PowerRow> rows) {
        Map<String, PowerRow> byPath = new LinkedHashMap<>();
        rows.forEach(r -> byPath.put(r.path(), r));
        Map<String, List<PowerRow>> children = new HashMap<>();
        List<PowerRow> tops = new ArrayList<>();
        for (PowerRow r : rows) {
            if (byPath.containsKey(r.parent()) && !r.parent().equals(r.path())) {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
            } else {
                tops.add(r);
            }
        }
        Map<String, Double> centre = new HashMap<>();
        Map<String, Integer> depth = new HashMap<>();
        double[] nextLeaf = {0};
        for (PowerRow top : tops) {
            place(top, 0, children, centre, depth, nextLeaf);
        }
        List<Box> boxes = new ArrayList<>();
        int maxDepth = 0;
        for (PowerRow r : rows) {
            if (!centre.containsKey(r.path())) {
                continue;   // a cycle (defensive): never drawn twice
            }
            int d = depth.get(r.path());
            maxDepth = Math.max(maxDepth, d);
            boxes.add(new Box(r, MARGIN + centre.get(r.path()) * (BOX_W + H_GAP), MARGIN + d * (BOX_H + V_GAP)));
        }
        Map<String, Box> boxOf = new HashMap<>();
        boxes.forEach(b -> boxOf.put(b.row().path(), b));
        List<Edge> edges = new ArrayList<>();
        for (Box b : boxes) {
            Box p = boxOf.get(b.row().parent());
            if (p != null && p != b) {
                edges.add(new Edge(p.x() + BOX_W / 2, p.y() + BOX_H, b.x() + BOX_W / 2, b.y()));
            }
        }
        double width = 2 * MARGIN + Math.max(0, nextLeaf[0]) * (BOX_W + H_GAP) - (nextLeaf[0] > 0 ? H_GAP : 0);
        double height = boxes.isEmpty() ? 0 : 2 * MARGIN + (maxDepth + 1) * (BOX_H + V_GAP) - V_GAP;
        return new PowerTreeLayout(List.copyOf(boxes), List.copyOf(edges), width, height);
    }

    /** Post-order: a leaf takes the next slot, a parent the middle of its first and last child's. */
    private static void place(PowerRow r, int d, Map<String, List<PowerRow>> children, Map<String, Double> centre,
                              Map<String, Integer> depth, double[] nextLeaf) {
        if (centre.containsKey(r.path()) || d > 64) {
            return;
        }
        centre.put(r.path(), -1.0);   // visiting: a cycle back here stops
        depth.put(r.path(), d);
        List<PowerRow> kids = new ArrayList<>();
        for (PowerRow c : children.getOrDefault(r.path(), List.of())) {
            if (!centre.containsKey(c.path())) {
                place(c, d + 1, children, centre, depth, nextLeaf);
                kids.add(c);
            }
        }
        if (kids.isEmpty()) {
            centre.put(r.path(), nextLeaf[0]++);
        } else {
            centre.put(r.path(), (centre.get(kids.get(0).path()) + centre.get(kids.get(kids.size() - 1).path())) / 2);
        }
    }
}
