package dev.ioscope.engine.os.plist;

import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PData;
import dev.ioscope.engine.os.plist.PlistValue.PDate;
import dev.ioscope.engine.os.plist.PlistValue.PDict;
import dev.ioscope.engine.os.plist.PlistValue.PInt;
import dev.ioscope.engine.os.plist.PlistValue.PReal;
import dev.ioscope.engine.os.plist.PlistValue.PSet;
import dev.ioscope.engine.os.plist.PlistValue.PString;
import dev.ioscope.engine.os.plist.PlistValue.PUid;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An NSKeyedArchiver archive read from a property list: {@code $archiver} = "NSKeyedArchiver",
 * {@code $version} (100000), {@code $top} (named root UIDs) and {@code $objects}, the flat object table that
 * UIDs index. Object 0 is the {@code $null} marker; a class instance is a dictionary whose {@code $class} UID
 * names a {@code {$classname, $classes}} dictionary.
 *
 * <p>Decoding is by key, on demand, like NSKeyedUnarchiver: archives hold reference cycles (a registry entry
 * names its parents and its children), so nothing walks the graph eagerly. {@link #decode(long, String)} turns
 * Foundation's own classes (NSString, NSData, NSDate, NSArray, NSSet, NSDictionary and their mutable kinds)
 * into plain {@link PlistValue}s, and leaves any other class's instance as a {@link PUid} for the caller.
 * A {@code $null} member of a collection decodes as the string {@code "$null"}: Foundation collections
 * cannot hold nil, and an archive cannot hold that string as anything but the null marker.
 */
public final class NSKeyedArchive {
    public static final String ARCHIVER = "NSKeyedArchiver";
    public static final long VERSION = 100_000;
    public static final String NULL = "$null";

    private final List<PlistValue> objects;
    private final PDict top;
    private final String file;
    private final ParseLimits limits;
    private final Map<Long, List<String>> classChains = new HashMap<>();

    private NSKeyedArchive(List<PlistValue> objects, PDict top, String file, ParseLimits limits) {
        this.objects = objects;
        this.top = top;
        this.file = file;
        this.limits = limits;
    }

    /** Checks the archive's envelope and returns a decoder over it. */
    public static NSKeyedArchive of(PlistValue plist, String file, ParseLimits limits) throws SnapshotException {
        if (!(plist instanceof PDict d)) {
            throw new SnapshotException(file, "top object", "not a keyed archive (the top object is not a dictionary)");
        }
        PlistValue archiver = d.get("$archiver");
        if (!(archiver instanceof PString a) || !a.value().equals(ARCHIVER)) {
            throw new SnapshotException(file, "$archiver", "archiver is " + describe(archiver) + ", not "
                    + ARCHIVER);
        }
        if (!(d.get("$version") instanceof PInt v) || v.value() != VERSION) {
            throw new SnapshotException(file, "$version", "keyed archive version " + describe(d.get("$version"))
                    + " is not " + VERSION);
        }
        if (!(d.get("$objects") instanceof PArray objs) || objs.size() == 0) {
            throw new SnapshotException(file, "$objects", "missing or empty object table");
        }
        if (!(d.get("$top") instanceof PDict t)) {
            throw new SnapshotException(file, "$top", "missing $top dictionary");
        }
        return new NSKeyedArchive(objs.items(), t, file, limits);
    }

    public String file() {
        return file;
    }

    public int objectCount() {
        return objects.size();
    }

    /** The UID {@code $top} names under {@code key} (usually "root"). */
    public long topObject(String key) throws SnapshotException {
        if (!(top.get(key) instanceof PUid u)) {
            throw new SnapshotException(file, "$top", "no object named '" + key + "'");
        }
        check(u.index(), "$top." + key);
        return u.index();
    }

    /** The raw {@code $objects} entry at {@code uid}. */
    public PlistValue raw(long uid, String place) throws SnapshotException {
        check(uid, place);
        return objects.get((int) uid);
    }

    /** True if {@code uid} is object 0 or any "$null" marker. */
    public boolean isNull(long uid) {
        return uid >= 0 && uid < objects.size() && objects.get((int) uid) instanceof PString s
                && s.value().equals(NULL);
    }

    /** A class instance at {@code uid}, with its class resolved. */
    public ArchivedObject object(long uid, String place) throws SnapshotException {
        return object(uid, (Object) place);
    }

    /** {@code place}: a String, or a {@link Place} spelt only if an error names it. */
    private ArchivedObject object(long uid, Object place) throws SnapshotException {
        check(uid, place);
        if (!(objects.get((int) uid) instanceof PDict fields)) {
            throw new SnapshotException(file, at(uid, place), "expected a class instance, found "
                    + describe(objects.get((int) uid)));
        }
        if (!(fields.get("$class") instanceof PUid cu)) {
            throw new SnapshotException(file, at(uid, place), "class instance without a $class reference");
        }
        if (cu.index() < 0 || cu.index() >= objects.size()) {
            check(cu.index(), at(uid, place) + " $class");
        }
        if (!(objects.get((int) cu.index()) instanceof PDict cls)
                || !(cls.get("$classname") instanceof PString name)) {
            throw new SnapshotException(file, at(uid, place), "$class (object " + cu.index()
                    + ") is not a {$classname, $classes} dictionary");
        }
        return new ArchivedObject(this, (int) uid, name.value(), classes(cu.index(), cls, name), fields);
    }

    /** A class's chain, made once per class object and shared by its instances. */
    private List<String> classes(long classUid, PDict cls, PString name) {
        List<String> known = classChains.get(classUid);
        if (known != null) {
            return known;
        }
        List<String> classes = new ArrayList<>();
        if (cls.get("$classes") instanceof PArray chain) {
            for (PlistValue c : chain.items()) {
                if (c instanceof PString s) {
                    classes.add(s.value());
                }
            }
        }
        if (classes.isEmpty()) {
            classes.add(name.value());
        }
        List<String> chain = List.copyOf(classes);
        classChains.put(classUid, chain);
        return chain;
    }

    private static String at(long uid, Object place) {
        return "archive object " + uid + (place == null ? "" : " (" + place + ")");
    }

    /**
     * Decodes the value at {@code uid}: {@code $null} → null; a plain scalar as is; Foundation collections,
     * strings, data and dates into {@link PlistValue}s (members decoded likewise); any other class's instance
     * stays a {@link PUid}. A collection that contains itself is an error, and nesting is bounded.
     */
    public PlistValue decode(long uid, String place) throws SnapshotException {
        return decode(uid, (Object) place);
    }

    /** As above; {@code place}'s toString is called only if an error names it. */
    PlistValue decode(long uid, Object place) throws SnapshotException {
        return decode(uid, place, 0, new ArrayList<>(4));
    }

    PlistValue decode(long uid, Object place, int depth, List<Long> inProgress) throws SnapshotException {
        check(uid, place);
        PlistValue v = objects.get((int) uid);
        if (v instanceof PString s && s.value().equals(NULL)) {
            return null;
        }
        if (!(v instanceof PDict d) || !(d.get("$class") instanceof PUid)) {
            return v;
        }
        Place at = new Place(uid, place);
        if (depth > limits.maxDepth()) {
            throw new SnapshotException(file, at.toString(), "nesting deeper than " + limits.maxDepth()
                    + " levels");
        }
        // the open collections are few (the nesting depth), so a list beats a bit set sized by the table
        if (inProgress.contains(uid)) {
            throw new SnapshotException(file, at.toString(), "collection contains itself (a reference cycle)");
        }
        ArchivedObject o = object(uid, place);
        inProgress.add(uid);
        try {
            return decodeFoundation(o, at, depth, inProgress);
        } finally {
            inProgress.remove(inProgress.size() - 1);
        }
    }

    private PlistValue decodeFoundation(ArchivedObject o, Place at, int depth, List<Long> inProgress)
            throws SnapshotException {
        if (o.isKindOf("NSDictionary")) {
            List<PlistValue> keys = uidList(o, "NS.keys", at);
            List<PlistValue> values = uidList(o, "NS.objects", at);
            if (keys.size() != values.size()) {
                throw new SnapshotException(file, at.toString(), "dictionary with " + keys.size() + " keys but "
                        + values.size() + " objects");
            }
            PDict.Owned m = new PDict.Owned(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                if (!(decode(((PUid) keys.get(i)).index(), at.child(" key ", i), depth + 1, inProgress)
                        instanceof PString k)) {
                    throw new SnapshotException(file, at.toString(), "dictionary key " + i + " is not a string");
                }
                PlistValue value = decode(((PUid) values.get(i)).index(), at.child(" value ", i), depth + 1,
                        inProgress);
                m.put(k.value(), value == null ? new PString(NULL) : value);
            }
            return new PDict(m);
        }
        if (o.isKindOf("NSArray") || o.isKindOf("NSSet")) {
            List<PlistValue> refs = uidList(o, "NS.objects", at);
            List<PlistValue> items = new ArrayList<>(refs.size());
            for (int i = 0; i < refs.size(); i++) {
                PlistValue item = decode(((PUid) refs.get(i)).index(), at.child(" item ", i), depth + 1,
                        inProgress);
                items.add(item == null ? new PString(NULL) : item);
            }
            return o.isKindOf("NSArray") ? new PArray(items) : new PSet(items);
        }
        if (o.isKindOf("NSDate")) {
            PlistValue t = o.field("NS.time");
            if (t instanceof PReal r) {
                return new PDate(r.value());
            }
            if (t instanceof PInt i) {
                return new PDate(i.value());
            }
            throw new SnapshotException(file, at.toString(), "NSDate without a numeric NS.time");
        }
        if (o.isKindOf("NSData")) {
            if (o.field("NS.bytes") instanceof PData b) {
                return b;
            }
            throw new SnapshotException(file, at.toString(), "NSData without NS.bytes");
        }
        if (o.isKindOf("NSString")) {
            if (o.field("NS.string") instanceof PString s) {
                return s;
            }
            throw new SnapshotException(file, at.toString(), "NSString without NS.string");
        }
        return new PUid(o.uid());
    }

    /** A field holding an array of UIDs (NS.keys, NS.objects), each checked against the object table. */
    List<PlistValue> uidList(ArchivedObject o, String key, Object at) throws SnapshotException {
        PlistValue v = o.field(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof PArray a)) {
            throw new SnapshotException(file, String.valueOf(at), key + " is not an array");
        }
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof PUid u)) {
                throw new SnapshotException(file, String.valueOf(at), key + "[" + i
                        + "] is not an object reference");
            }
            if (u.index() < 0 || u.index() >= objects.size()) {
                check(u.index(), at + " " + key + "[" + i + "]");
            }
        }
        return a.items();
    }

    private void check(long uid, Object place) throws SnapshotException {
        if (uid < 0 || uid >= objects.size()) {
            throw new SnapshotException(file, place == null ? null : place.toString(), "reference to archive object "
                    + uid + ", but $objects has " + objects.size());
        }
    }

    static String describe(PlistValue v) {
        if (v == null) {
            return "missing";
        }
        if (v instanceof PString s) {
            return "'" + (s.value().length() > 40 ? s.value().substring(0, 40) + "…" : s.value()) + "'";
        }
        if (v instanceof PInt i) {
            return Long.toString(i.value());
        }
        return "a " + v.getClass().getSimpleName().substring(1).toLowerCase(Locale.ROOT);
    }

    /**
     * Where a decoded value sits, as "archive object N (outer place)": spelt only when an error names it (the
     * strings cost a fifth of a load when they were built for every value).
     */
    private static final class Place {
        private final long uid;
        private final Object outer;
        private final String part;
        private final int index;

        Place(long uid, Object outer) {
            this(uid, outer, null, 0);
        }

        private Place(long uid, Object outer, String part, int index) {
            this.uid = uid;
            this.outer = outer;
            this.part = part;
            this.index = index;
        }

        /** The place of member {@code index} ("key", "value", "item") of the value here. */
        Place child(String part, int index) {
            return new Place(-1, this, part, index);
        }

        @Override
        public String toString() {
            if (part != null) {
                return outer + part + index;
            }
            return at(uid, outer);
        }
    }
}
