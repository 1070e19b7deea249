package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.SearchField;
import dev.ioscope.engine.explore.SearchQuery;
import javafx.scene.control.TreeItem;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The inspector row a search hit matched on: a search on property keys, values or BSD names scrolls the inspector
 * to the first property (nested ones too) whose key or value the query matches, as the search itself compares
 * (case-insensitive; plain text contained, or the regular expression found).
 */
final class PropertyFinder {
    private PropertyFinder() {
    }

    /** The first matching row under {@code root}, depth first, or null (a name or class search matches none). */
    static TreeItem<PropertyNode> find(TreeItem<PropertyNode> root, SearchQuery q) {
        if (root == null || q == null || q.isBlank()) {
            return null;
        }
        Predicate<String> m = matcher(q);
        boolean keys = q.fields().contains(SearchField.KEY);
        boolean values = q.fields().contains(SearchField.VALUE);
        boolean bsd = q.fields().contains(SearchField.BSD_NAME);
        if (m == null || !(keys || values || bsd)) {
            return null;
        }
        for (TreeItem<PropertyNode> t : root.getChildren()) {
            TreeItem<PropertyNode> hit = find(t, m, keys, values, bsd);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    private static TreeItem<PropertyNode> find(TreeItem<PropertyNode> t, Predicate<String> m, boolean keys,
                                               boolean values, boolean bsd) {
        PropertyNode n = t.getValue();
        boolean bsdRow = bsd && n.key().equals("BSD Name") && m.test(n.value());
        if (bsdRow || keys && m.test(n.key()) || values && t.isLeaf() && (m.test(n.value()) || m.test(n.decoded()))) {
            return t;
        }
        for (TreeItem<PropertyNode> c : t.getChildren()) {
            TreeItem<PropertyNode> hit = find(c, m, keys, values, bsd);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    private static Predicate<String> matcher(SearchQuery q) {
        if (q.regex()) {
            try {
                Pattern p = Pattern.compile(q.text(), Pattern.CASE_INSENSITIVE);
                return s -> s != null && p.matcher(s).find();
            } catch (PatternSyntaxException e) {
                return null;
            }
        }
        String needle = q.text().toLowerCase(Locale.ROOT);
        return s -> s != null && s.toLowerCase(Locale.ROOT).contains(needle);
    }
}
