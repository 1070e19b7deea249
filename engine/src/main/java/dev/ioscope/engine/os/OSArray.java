package dev.ioscope.engine.os;

import java.util.List;

/** libkern OSArray: an ordered list of values. */
public record OSArray(List<OSObject> items) implements OSObject {
    private static final OSArray EMPTY = new OSArray(List.of());

    public OSArray {
        items = List.copyOf(items);
    }

    public static OSArray of(OSObject... items) {
        return items.length == 0 ? EMPTY : new OSArray(List.of(items));
    }

    public static OSArray of(List<? extends OSObject> items) {
        return items.isEmpty() ? EMPTY : new OSArray(List.copyOf(items));
    }

    public int size() {
        return items.size();
    }

    public OSObject get(int i) {
        return items.get(i);
    }

    /** libkern OSArray::isEqualTo: same count and each element isEqualTo the one at the same index. */
    @Override
    public boolean isEqualTo(OSObject other) {
        if (!(other instanceof OSArray a) || a.size() != size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isEqualTo(a.items.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String typeName() {
        return "OSArray";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(items.get(i));
        }
        return sb.append(')').toString();
    }
}
