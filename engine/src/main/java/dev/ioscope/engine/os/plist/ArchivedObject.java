package dev.ioscope.engine.os.plist;

import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PBool;
import dev.ioscope.engine.os.plist.PlistValue.PData;
import dev.ioscope.engine.os.plist.PlistValue.PDate;
import dev.ioscope.engine.os.plist.PlistValue.PDict;
import dev.ioscope.engine.os.plist.PlistValue.PInt;
import dev.ioscope.engine.os.plist.PlistValue.PString;
import dev.ioscope.engine.os.plist.PlistValue.PUid;
import dev.ioscope.engine.io.SnapshotException;

import java.util.List;

/**
 * One class instance in a keyed archive: its UID, class chain and encoded fields, with typed accessors that
 * resolve references the way NSCoder's decode…ForKey: methods do. Every error names the object and key.
 */
public record ArchivedObject(NSKeyedArchive archive, int uid, String className, List<String> classes,
                             PDict fields) {

    public boolean isKindOf(String cls) {
        return classes.contains(cls);
    }

    public boolean has(String key) {
        return fields.get(key) != null;
    }

    /** The field as encoded (a scalar or a UID), or null. */
    public PlistValue field(String key) {
        return fields.get(key);
    }

    /** decodeObjectForKey: a UID decoded by {@link NSKeyedArchive#decode}; null for $null or a missing key. */
    public PlistValue decoded(String key) throws SnapshotException {
        PlistValue v = fields.get(key);
        if (v instanceof PUid u) {
            return archive.decode(u.index(), new FieldPlace(this, key));
        }
        return v;
    }

    /** A string field (NSString by reference, or inline), or null for $null / missing. */
    public String string(String key) throws SnapshotException {
        PlistValue v = decoded(key);
        if (v == null) {
            return null;
        }
        if (v instanceof PString s) {
            return s.value();
        }
        throw wrongType(key, "a string", v);
    }

    public String requiredString(String key) throws SnapshotException {
        String s = string(key);
        if (s == null) {
            throw new SnapshotException(archive.file(), where(key), "missing string");
        }
        return s;
    }

    /** decodeIntegerForKey / decodeInt64ForKey. */
    public long integer(String key) throws SnapshotException {
        if (fields.get(key) instanceof PInt i) {
            return i.value();
        }
        throw wrongType(key, "an integer", fields.get(key));
    }

    /** decodeBoolForKey: a missing key decodes as NO, as NSCoder does. */
    public boolean bool(String key) throws SnapshotException {
        PlistValue v = fields.get(key);
        if (v == null) {
            return false;
        }
        if (v instanceof PBool b) {
            return b.value();
        }
        if (v instanceof PInt i) {
            return i.value() != 0;
        }
        throw wrongType(key, "a boolean", v);
    }

    /** An NSDate field, or null for $null / missing. */
    public PDate date(String key) throws SnapshotException {
        PlistValue v = decoded(key);
        if (v == null || v instanceof PDate) {
            return (PDate) v;
        }
        throw wrongType(key, "a date", v);
    }

    /** Bytes: inline (encodeBytes:length:forKey:) or an NSData by reference. */
    public PData data(String key) throws SnapshotException {
        PlistValue v = decoded(key);
        if (v instanceof PData d) {
            return d;
        }
        throw wrongType(key, "data", v);
    }

    /** An array field whose members are decoded. */
    public PArray array(String key) throws SnapshotException {
        PlistValue v = decoded(key);
        if (v instanceof PArray a) {
            return a;
        }
        throw wrongType(key, "an array", v);
    }

    /** A dictionary field whose members are decoded (other classes' instances stay UIDs). */
    public PDict dictionary(String key) throws SnapshotException {
        PlistValue v = decoded(key);
        if (v instanceof PDict d) {
            return d;
        }
        throw wrongType(key, "a dictionary", v);
    }

    public String where(String key) {
        return "archive object " + uid + " (" + className + ") key '" + key + "'";
    }

    private SnapshotException wrongType(String key, String expected, PlistValue found) {
        return new SnapshotException(archive.file(), where(key), "expected " + expected + ", found "
                + NSKeyedArchive.describe(found));
    }

    /** {@link #where(String)}, spelt only when an error names it. */
    private record FieldPlace(ArchivedObject object, String key) {
        @Override
        public String toString() {
            return object.where(key);
        }
    }
}
