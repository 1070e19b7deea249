package dev.ioscope.engine.os;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A value a snapshot could not represent: {@code ioreg} prints e.g. {@code "IOSomething is not serializable"}
 * for objects that do not serialize. We keep the exact text so export reproduces it, and never
 * confuse it with a real OSString.
 */
public record OSUnserializable(String text) implements OSObject {
    /**
     * XNU's OSObject::serialize writes {@code "<ClassName> is not serializable"} as a plain string for objects
     * without a serializer; this recognizes that text in formats that can only carry it as a string.
     */
    private static final Pattern TEXT =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_:]* is not serializable");

    /**
     * A string {@code ioreg} printed as nothing at all: its cfstringshow converts with CFStringGetCString into a
     * buffer of CFStringGetLength + 1 bytes, too small for the UTF-8 of non-ASCII text, and then prints nothing
     * ({@code "Product"=,} in real dumps). The text is lost; formats that can only carry a string keep this
     * placeholder, which {@link #looksLike} recognizes.
     */
    public static final String UNPRINTED = "<string ioreg could not print>";

    public static boolean looksLike(String s) {
        return s.equals(UNPRINTED) || s.endsWith(" is not serializable") && TEXT.matcher(s).matches();
    }

    /** {@code v} with every string that is XNU's not-serializable text turned into an OSUnserializable. */
    public static OSObject recognize(OSObject v) {
        if (v instanceof OSString s) {
            return looksLike(s.value()) ? new OSUnserializable(s.value()) : v;
        }
        if (v instanceof OSArray a) {
            List<OSObject> items = new ArrayList<>(a.size());
            boolean changed = false;
            for (OSObject x : a.items()) {
                OSObject y = recognize(x);
                changed |= y != x;
                items.add(y);
            }
            return changed ? OSArray.of(items) : v;
        }
        if (v instanceof OSDictionary d) {
            OSDictionary.Builder b = null;
            for (int i = 0; i < d.size(); i++) {
                OSObject y = recognize(d.valueAt(i));
                if (y != d.valueAt(i) && b == null) {
                    b = OSDictionary.builder(d.size());
                    for (int j = 0; j < i; j++) {
                        b.put(d.keyAt(j), d.valueAt(j));
                    }
                }
                if (b != null) {
                    b.put(d.keyAt(i), y);
                }
            }
            return b == null ? v : b.build();
        }
        return v;
    }

    public OSUnserializable {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public boolean isEqualTo(OSObject other) {
        return other instanceof OSUnserializable u && u.text.equals(text);
    }

    @Override
    public String typeName() {
        return "OSUnserializable";
    }
}
