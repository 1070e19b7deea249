package dev.ioscope.engine.os;

import java.util.ArrayList;
import java.util.List;

/**
 * libkern OSSet: an unordered collection without duplicates. We keep the order a snapshot gave so that
 * export reproduces it; equality for matching ignores order.
 */
public record OSSet(List<OSObject> members) implements OSObject {
    public OSSet {
        List<OSObject> unique = new ArrayList<>(members.size());
        for (OSObject m : members) {
            if (unique.stream().noneMatch(u -> u.isEqualTo(m))) {
                unique.add(m);
            }
        }
        members = List.copyOf(unique);
    }

    public static OSSet of(OSObject... members) {
        return new OSSet(List.of(members));
    }

    public int size() {
        return members.size();
    }

    public boolean containsObject(OSObject o) {
        return members.stream().anyMatch(m -> m.isEqualTo(o));
    }

    /**
     * libkern OSSet::isEqualTo: same count and each member of this set is in the other. (libkern's member test
     * is pointer identity; with immutable values, value equality is the faithful equivalent.)
     */
    @Override
    public boolean isEqualTo(OSObject other) {
        if (!(other instanceof OSSet s) || s.size() != size()) {
            return false;
        }
        return members.stream().allMatch(s::containsObject);
    }

    @Override
    public String typeName() {
        return "OSSet";
    }
}
