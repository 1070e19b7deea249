package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSSymbol;
import dev.ioscope.engine.os.OSUnserializable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * CoreFoundation's XML plists (what IORegistryExplorer parses) have no set, symbol or "not serializable"
 * value. For Apple's reader the property table is flattened (set → array, symbol and unserializable → string);
 * for ours, a tagged copy keeps the exact libkern types: such a value becomes {@code {"$IOScopeType": type,
 * "value": ...}}.
 */
final class TypedValues {
    static final String TYPE = "$IOScopeType";
    static final String VALUE = "value";

    private TypedValues() {
    }

    /**
     * True if the value holds anything a CF XML plist cannot say exactly. The reader turns XNU's
     * "&lt;Class&gt; is not serializable" strings into OSUnserializable ({@link OSUnserializable#recognize}), so
     * such a marker needs no tag, while a plain string that happens to read like one does.
     */
    static boolean needsTags(OSObject v) {
        if (v instanceof OSSet || v instanceof OSSymbol) {
            return true;
        }
        if (v instanceof OSUnserializable u) {
            return !OSUnserializable.looksLike(u.text());
        }
        if (v instanceof OSString s) {
            return OSUnserializable.looksLike(s.value());
        }
        if (v instanceof OSArray a) {
            return a.items().stream().anyMatch(TypedValues::needsTags);
        }
        if (v instanceof OSDictionary d) {
            for (int i = 0; i < d.size(); i++) {
                if (needsTags(d.valueAt(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What CF can read: sets as arrays, symbols and unserializable values as their text. */
    static OSObject flatten(OSObject v) {
        if (v instanceof OSSet s) {
            return OSArray.of(map(s.members(), TypedValues::flatten));
        }
        if (v instanceof OSSymbol s) {
            return OSString.of(s.value());
        }
        if (v instanceof OSUnserializable u) {
            return OSString.of(u.text());
        }
        if (v instanceof OSArray a) {
            return OSArray.of(map(a.items(), TypedValues::flatten));
        }
        if (v instanceof OSDictionary d) {
            return mapDict(d, TypedValues::flatten);
        }
        return v;
    }

    static OSObject tag(OSObject v) {
        if (v instanceof OSSet s) {
            return tagged("OSSet", OSArray.of(map(s.members(), TypedValues::tag)));
        }
        if (v instanceof OSSymbol s) {
            return tagged("OSSymbol", OSString.of(s.value()));
        }
        if (v instanceof OSUnserializable u) {
            return tagged("OSUnserializable", OSString.of(u.text()));
        }
        if (v instanceof OSString s && OSUnserializable.looksLike(s.value())) {
            return tagged("OSString", s);
        }
        if (v instanceof OSArray a) {
            return OSArray.of(map(a.items(), TypedValues::tag));
        }
        if (v instanceof OSDictionary d) {
            return mapDict(d, TypedValues::tag);
        }
        return v;
    }

    static OSObject untag(OSObject v) {
        if (v instanceof OSArray a) {
            return OSArray.of(map(a.items(), TypedValues::untag));
        }
        if (!(v instanceof OSDictionary d)) {
            return v;
        }
        if (d.size() == 2 && d.get(TYPE) instanceof OSString type && d.get(VALUE) != null) {
            OSObject inner = d.get(VALUE);
            switch (type.value()) {
                case "OSSet":
                    if (inner instanceof OSArray a) {
                        return new OSSet(map(a.items(), TypedValues::untag));
                    }
                    break;
                case "OSSymbol":
                    if (inner instanceof OSString s) {
                        return OSSymbol.of(s.value());
                    }
                    break;
                case "OSUnserializable":
                    if (inner instanceof OSString s) {
                        return new OSUnserializable(s.value());
                    }
                    break;
                case "OSString":
                    if (inner instanceof OSString s) {
                        return s;
                    }
                    break;
                default:
                    break;
            }
        }
        return mapDict(d, TypedValues::untag);
    }

    private static OSDictionary tagged(String type, OSObject value) {
        return OSDictionary.builder(2).put(TYPE, OSString.of(type)).put(VALUE, value).build();
    }

    private static List<OSObject> map(List<OSObject> in, UnaryOperator<OSObject> f) {
        List<OSObject> out = new ArrayList<>(in.size());
        for (OSObject o : in) {
            out.add(f.apply(o));
        }
        return out;
    }

    private static OSDictionary mapDict(OSDictionary d, UnaryOperator<OSObject> f) {
        OSDictionary.Builder b = OSDictionary.builder(d.size());
        for (int i = 0; i < d.size(); i++) {
            b.put(d.keyAt(i), f.apply(d.valueAt(i)));
        }
        return b.build();
    }
}
