package dev.ioscope.app.workbench.power;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the power view draws each member of the power tree: one rank per depth, leaves next to each other in the
 * tree's child order and each parent centred on its children; top-down (ranks are rows) or left-right (ranks are
 * columns, for a tree too wide for the view, as a real Mac's is). Only the rows and the direction decide it (no
 * measuring), so the same tree always gives the same picture.
 */
record PowerTreeLayout(List<Box> boxes, List<Edge> edges, double width, double height) {
    static final double BOX_W = 156;
    static final double BOX_H = 50;
    static final double MARGIN = 10;

    /** Which way the ranks go, with the gaps that suit it (room for the connectors between ranks). */
    enum Direction {
        TOP_DOWN(18, 22), LEFT_RIGHT(28, 8);

        final double leafGap;
        final double rankGap;

        Direction(double leafGap, double rankGap) {
            this.leafGap = leafGap;
            this.rankGap = rankGap;
        }
    }

    /** A member's box: top-left corner. */
    record Box(PowerRow row, double x, double y) {
    }

    /**
     * A power parent → child link, from the parent's side that faces its children to the child's opposite side,
     * drawn as an elbow: out of the parent, across halfway between the ranks, into the child.
     */
    record Edge(double x1, double y1, double x2, double y2, boolean across) {
        /** The elbow's points, x and y alternating. */
        double[] points() {
            if (across) {
                double midX = (x1 + x2) / 2;
                return new double[] {x1, y1, midX, y1, midX, y2, x2, y2};
            }
            double midY = (y1 + y2) / 2;
            return new double[] {x1, y1, x1, midY, x2, midY, x2, y2};
        }
    }

    /** Top-down: lays out rows given parents before children (as {@link PowerRow#copyOf} lists them). */
    static PowerTreeLayout of(List<PowerRow> rows) {
        return of(rows, Direction.TOP_DOWN);
    }

    static PowerTreeLayout of(List<PowerRow> rows, Direction dir) {
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
        boolean across = dir == Direction.LEFT_RIGHT;
        // along the leaves: a box's extent plus the gap; along the ranks: the same with the rank gap
        double leafStep = (across ? BOX_H : BOX_W) + dir.leafGap;
        double rankStep = (across ? BOX_W : BOX_H) + dir.rankGap;
        List<Box> boxes = new ArrayList<>();
        int maxDepth = 0;
        for (PowerRow r : rows) {
            if (!centre.containsKey(r.path())) {
                continue;   // a cycle (defensive): never drawn twice
            }
            int d = depth.get(r.path());
            maxDepth = Math.max(maxDepth, d);
            double along = MARGIN + centre.get(r.path()) * leafStep;
            double rank = MARGIN + d * rankStep;
            boxes.add(across ? new Box(r, rank, along) : new Box(r, along, rank));
        }
        Map<String, Box> boxOf = new HashMap<>();
        boxes.forEach(b -> boxOf.put(b.row().path(), b));
        List<Edge> edges = new ArrayList<>();
        for (Box b : boxes) {
            Box p = boxOf.get(b.row().parent());
            if (p != null && p != b) {
                edges.add(across ? new Edge(p.x() + BOX_W, p.y() + BOX_H / 2, b.x(), b.y() + BOX_H / 2, true)
                        : new Edge(p.x() + BOX_W / 2, p.y() + BOX_H, b.x() + BOX_W / 2, b.y(), false));
            }
        }
        double leaves = boxes.isEmpty() ? 0 : 2 * MARGIN + nextLeaf[0] * leafStep - dir.leafGap;
        double ranks = boxes.isEmpty() ? 0 : 2 * MARGIN + (maxDepth + 1) * rankStep - dir.rankGap;
        return new PowerTreeLayout(List.copyOf(boxes), List.copyOf(edges), across ? ranks : leaves,
                across ? leaves : ranks);
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
