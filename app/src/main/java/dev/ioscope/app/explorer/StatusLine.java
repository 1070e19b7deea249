package dev.ioscope.app.explorer;

import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.HashMap;
import java.util.Map;

/**
 * The explorer's status bar line: the document, its format, its entries (and how many are in the plane shown), its
 * planes, its load time, and in a comparison what was added, removed and changed. A plane's entry count is a walk of
 * every entry (100k in the stress test), so it is counted once per document and plane.
 */
final class StatusLine {
    private final Map<String, Integer> entryCounts = new HashMap<>();
    private Document countedDocument;

    String of(Document d, IORegistryPlane p, Comparison c) {
        if (d == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(d.title()).append(" — ").append(d.file() == null && d.title().contains("ynthetic") ? "generated"
                : d.snapshot().format().displayName()).append(" — ")
                .append(count(d.registry().size(), "entry", "entries"));
        if (p != null) {
            sb.append(", ").append(entryCount(d, p)).append(" in ").append(p.name());
        }
        sb.append(", ").append(count(d.registry().planes().size(), "plane", "planes")).append(" — loaded in ")
                .append(d.loadMillis()).append(" ms");
        if (c != null) {
            sb.append(" — compared with ").append(c.before().title()).append(": ").append(c.diff().added().size())
                    .append(" added, ").append(c.diff().removed().size()).append(" removed, ")
                    .append(c.diff().changedCount()).append(" changed");
        }
        return sb.toString();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private int entryCount(Document d, IORegistryPlane p) {
        if (countedDocument != d) {
            countedDocument = d;
            entryCounts.clear();
        }
        return entryCounts.computeIfAbsent(p.name(), n -> d.registry().entryCount(p));
    }
}
