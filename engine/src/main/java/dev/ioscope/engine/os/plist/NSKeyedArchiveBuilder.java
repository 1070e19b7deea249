package dev.ioscope.engine.os.plist;

import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PDict;
import dev.ioscope.engine.os.plist.PlistValue.PInt;
import dev.ioscope.engine.os.plist.PlistValue.PReal;
import dev.ioscope.engine.os.plist.PlistValue.PString;
import dev.ioscope.engine.os.plist.PlistValue.PUid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an NSKeyedArchiver object table the way Foundation lays one out: object 0 is {@code $null}, an
 * instance's UID is taken before its fields are encoded (so the root is object 1), a class dictionary
 * {@code {$classname, $classes}} is written once, the first time an instance of it is finished, and equal
 * strings share one object. Collections use Foundation's encodings: NS.keys/NS.objects for dictionaries,
 * NS.objects for arrays, NS.time for dates.
 */
public final class NSKeyedArchiveBuilder {
    public static final List<String> NSDATE = List.of("NSDate", "NSObject");
    public static final List<String> NSARRAY = List.of("NSArray", "NSObject");
    public static final List<String> NSMUTABLEARRAY = List.of("NSMutableArray", "NSArray", "NSObject");
    public static final List<String> NSMUTABLEDICTIONARY =
            List.of("NSMutableDictionary", "NSDictionary", "NSObject");

    private final List<PlistValue> objects = new ArrayList<>();
    private final Map<String, PUid> strings = new HashMap<>();
    private final Map<String, PUid> classes = new HashMap<>();

    public NSKeyedArchiveBuilder() {
        objects.add(new PString(NSKeyedArchive.NULL));
    }

    /** The $null reference (UID 0). */
    public static PUid nul() {
        return new PUid(0);
    }

    /** Takes the next UID for an instance whose fields are set later with {@link #define}. */
    public PUid reserve() {
        objects.add(null);
        return new PUid(objects.size() - 1);
    }

    /** Sets a reserved instance's fields; {@code $class} is added after them. */
    public void define(PUid uid, List<String> classChain, Map<String, PlistValue> fields) {
        Map<String, PlistValue> m = new LinkedHashMap<>(fields);
        m.put("$class", classRef(classChain));
        objects.set((int) uid.index(), new PDict(m));
    }

    /** Fills a reserved slot with a plain value (an NSNumber archives as a bare integer or real). */
    public void set(PUid uid, PlistValue value) {
        objects.set((int) uid.index(), value);
    }

    /** A string object (NSString), or $null for null. */
    public PUid string(String s) {
        if (s == null) {
            return nul();
        }
        return strings.computeIfAbsent(s, k -> add(new PString(k)));
    }

    /** An NSDate: seconds since 2001-01-01 in NS.time; $null for null. */
    public PUid date(PlistValue.PDate d) {
        if (d == null) {
            return nul();
        }
        PUid uid = reserve();
        define(uid, NSDATE, Map.of("NS.time", new PReal(d.secondsSince2001(), 8)));
        return uid;
    }

    /** An NSArray / NSMutableArray of already-encoded members. */
    public PUid array(List<PUid> members, List<String> classChain) {
        PUid uid = reserve();
        define(uid, classChain, Map.of("NS.objects", new PArray(new ArrayList<>(members))));
        return uid;
    }

    /** An NSArray of strings (encoded here, in order). */
    public PUid stringArray(List<String> items, List<String> classChain) {
        PUid uid = reserve();
        List<PUid> refs = new ArrayList<>(items.size());
        for (String s : items) {
            refs.add(string(s));
        }
        define(uid, classChain, Map.of("NS.objects", new PArray(new ArrayList<>(refs))));
        return uid;
    }

    /** An NSDictionary / NSMutableDictionary with string keys and already-encoded values, in order. */
    public PUid dictionary(Map<String, PUid> entries, List<String> classChain) {
        PUid uid = reserve();
        List<PlistValue> keys = new ArrayList<>(entries.size());
        List<PlistValue> values = new ArrayList<>(entries.size());
        for (Map.Entry<String, PUid> e : entries.entrySet()) {
            keys.add(string(e.getKey()));
            values.add(e.getValue());
        }
        Map<String, PlistValue> f = new LinkedHashMap<>();
        f.put("NS.keys", new PArray(keys));
        f.put("NS.objects", new PArray(values));
        define(uid, classChain, f);
        return uid;
    }

    /** The whole archive: {$version, $objects, $archiver, $top: {root}} in the order Foundation writes. */
    public PDict archive(PUid root) {
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i) == null) {
                throw new IllegalStateException("archive object " + i + " was reserved but never defined");
            }
        }
        Map<String, PlistValue> top = new LinkedHashMap<>();
        top.put("$version", PInt.of(NSKeyedArchive.VERSION));
        top.put("$objects", new PArray(objects));
        top.put("$archiver", new PString(NSKeyedArchive.ARCHIVER));
        top.put("$top", new PDict(Map.of("root", root)));
        return new PDict(top);
    }

    private PUid classRef(List<String> chain) {
        return classes.computeIfAbsent(chain.get(0), k -> {
            Map<String, PlistValue> m = new LinkedHashMap<>();
            m.put("$classname", new PString(k));
            List<PlistValue> names = new ArrayList<>();
            chain.forEach(c -> names.add(new PString(c)));
            m.put("$classes", new PArray(names));
            return add(new PDict(m));
        });
    }

    private PUid add(PlistValue v) {
        objects.add(v);
        return new PUid(objects.size() - 1);
    }
}
