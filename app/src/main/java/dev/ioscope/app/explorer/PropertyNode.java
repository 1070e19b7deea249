package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.PropertyDecoders;
import dev.ioscope.engine.explore.RegistryDiff;
import dev.ioscope.engine.explore.ValueText;
import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the inspector: a property (or a nested value) with its display texts. Dictionaries, arrays and
 * sets have children. In a comparison, {@code before} holds the old value's text of a changed top-level key.
 */
public record PropertyNode(String key, String type, String value, String decoded, OSObject raw,
                           List<PropertyNode> children, Status status, String before) {

    /** A row's standing in a comparison. */
    public enum Status { SAME, ADDED, REMOVED, CHANGED }

    public static List<PropertyNode> of(OSDictionary props) {
        return of(props, List.of());
    }

    /** The rows of a property table; with the entry's changes, removed keys appear too and changed rows say so. */
    public static List<PropertyNode> of(OSDictionary props, List<RegistryDiff.PropertyChange> changes) {
        Map<String, RegistryDiff.PropertyChange> byKey = new HashMap<>();
        changes.forEach(c -> byKey.put(c.key(), c));
        List<PropertyNode> out = new ArrayList<>(props.size());
        for (int i = 0; i < props.size(); i++) {
            String k = props.keyAt(i);
            RegistryDiff.PropertyChange c = byKey.get(k);
            Status st = c == null ? Status.SAME : c.before() == null ? Status.ADDED : Status.CHANGED;
            out.add(node(k, props.valueAt(i), st, c == null || c.before() == null ? null : ValueText.of(c.before())));
        }
        for (RegistryDiff.PropertyChange c : changes) {
            if (c.after() == null && c.before() != null) {
                out.add(node(c.key(), c.before(), Status.REMOVED, ValueText.of(c.before())));
            }
        }
        return out;
    }

    static PropertyNode node(String key, OSObject v, Status status, String before) {
        List<PropertyNode> kids = List.of();
        if (v instanceof OSDictionary d) {
            kids = new ArrayList<>(d.size());
            for (int i = 0; i < d.size(); i++) {
                kids.add(node(d.keyAt(i), d.valueAt(i), Status.SAME, null));
            }
        } else if (v instanceof OSArray a) {
            kids = indexed(a.items());
        } else if (v instanceof OSSet s) {
            kids = indexed(s.members());
        }
        String decoded = PropertyDecoders.decode(key, v).orElse("");
        return new PropertyNode(key, ValueText.typeOf(v), ValueText.of(v), decoded, v, kids, status, before);
    }

    private static List<PropertyNode> indexed(List<OSObject> items) {
        List<PropertyNode> kids = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            kids.add(node(Integer.toString(i), items.get(i), Status.SAME, null));
        }
        return kids;
    }
}
