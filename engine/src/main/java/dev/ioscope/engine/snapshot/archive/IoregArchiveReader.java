package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.plist.ArchivedObject;
import dev.ioscope.engine.os.plist.BinaryPlistReader;
import dev.ioscope.engine.os.plist.NSKeyedArchive;
import dev.ioscope.engine.os.plist.PlistValue;
import dev.ioscope.engine.os.plist.PlistValue.PDate;
import dev.ioscope.engine.os.plist.PlistValue.PString;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.snapshot.DeferredTables;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.SnapshotReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code .ioreg} file saved by Apple's IORegistryExplorer: a {@code bplist00} NSKeyedArchiver archive
 * whose root is a {@code RexDataStore} (dataStoreVersion 1) holding the plane names and every
 * {@code RexRegistryEntry} (see docs/reference/FORMATS.md). Everything the file holds is kept: store fields in
 * {@link Snapshot#info()}, per-entry facts I/O Kit has no place for in {@code snapshotInfo}.
 *
 * <p>Entry IDs: the archive does not save the kernel's registry entry ID, only IORegistryExplorer's
 * sequential {@code entryTag} (the root is tag 1). We derive {@code ID = IORegistry.ROOT_ID + entryTag - 1},
 * so the root gets XNU's root ID and the others count up from it in discovery order, as XNU's IDs do.
 */
public final class IoregArchiveReader implements SnapshotReader {
    private static final byte[] ARCHIVER_KEY = "$archiver".getBytes(StandardCharsets.US_ASCII);

    private final PropertyTableDecoder properties;

    public IoregArchiveReader() {
        this(PropertyTables.XML_DECODER);
    }

    public IoregArchiveReader(PropertyTableDecoder properties) {
        this.properties = properties;
    }

    @Override
    public SnapshotFormat format() {
        return SnapshotFormat.IOREG_ARCHIVE;
    }

    /**
     * A binary plist whose first bytes hold the keyed archive's top keys ({@code $archiver} is written among
     * the first objects by Foundation), or any binary plist named {@code .ioreg}.
     */
    @Override
    public boolean sniff(byte[] head, String fileName) {
        if (!BinaryPlistReader.looksLikeBinaryPlist(head)) {
            return false;
        }
        return indexOf(head, ARCHIVER_KEY) >= 0
                || (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".ioreg"));
    }

    /** The whole archive, every property table decoded (on every core) and checked. */
    @Override
    public Snapshot read(byte[] data, String name, ParseLimits limits) throws SnapshotException {
        Snapshot s = open(data, name, limits, null);
        s.tables().complete();
        return new Snapshot(s.registry(), s.format(), s.info(), s.source());
    }

    /**
     * The tree at once; the property tables are decoded on background threads (see {@link DeferredTables}, which
     * the caller completes to learn of a bad table).
     */
    @Override
    public Snapshot open(byte[] data, String name, ParseLimits limits, Path location) throws SnapshotException {
        PlistValue plist = BinaryPlistReader.read(data, name, limits);
        NSKeyedArchive archive = NSKeyedArchive.of(plist, name, limits);
        long rootUid = archive.topObject("root");
        ArchivedObject store = archive.object(rootUid, "$top.root");
        if (!store.className().equals(RexKeys.DATA_STORE)) {
            throw new SnapshotException(name, "archive object " + rootUid, "root object is a '" + store.className()
                    + "', not an IORegistryExplorer " + RexKeys.DATA_STORE + " (unknown archive layout)");
        }
        long version = store.integer(RexKeys.DATA_STORE_VERSION);
        if (version != RexKeys.SUPPORTED_VERSION) {
            throw new SnapshotException(name, store.where(RexKeys.DATA_STORE_VERSION), "RexDataStore "
                    + "dataStoreVersion " + version + " is not supported (IOScope reads version "
                    + RexKeys.SUPPORTED_VERSION + ", the layout of IORegistryExplorer 2.x/3.x files)");
        }
        OSDictionary info = storeInfo(store, version, limits);
        List<String> planes = new ArrayList<>();
        for (PlistValue p : store.array(RexKeys.REGISTRY_PLANES).items()) {
            if (!(p instanceof PString s) || s.value().isEmpty() || s.value().indexOf(':') >= 0
                    || s.value().indexOf('/') >= 0) {
                throw new SnapshotException(name, store.where(RexKeys.REGISTRY_PLANES), "plane name "
                        + (p instanceof PString s ? "'" + s.value() + "'" : "of another type") + " is not a valid "
                        + "plane name (a non-empty string without ':' or '/')");
            }
            planes.add(s.value());
        }
        RexRegistryBuilder builder = new RexRegistryBuilder(archive, properties, limits);
        IORegistry registry = builder.build(planes, store.array(RexKeys.REGISTRY_ENTRIES),
                store.where(RexKeys.REGISTRY_ENTRIES));
        return new Snapshot(registry, SnapshotFormat.IOREG_ARCHIVE, info, name, builder.tables());
    }

    /** The RexDataStore's own fields, in the order IORegistryExplorer's inspector lists them. */
    private OSDictionary storeInfo(ArchivedObject store, long version, ParseLimits limits) throws SnapshotException {
        Long byteOrder = null;
        if (store.has(RexKeys.BYTE_ORDER)) {
            if (!(store.decoded(RexKeys.BYTE_ORDER) instanceof PlistValue.PInt i)) {
                throw new SnapshotException(store.archive().file(), store.where(RexKeys.BYTE_ORDER),
                        "expected an integer");
            }
            byteOrder = i.value();
        }
        if (store.has(RexKeys.IOSCOPE_EXTRAS)) {
            OSDictionary extras = (OSDictionary) TypedValues.untag(properties.decode(
                    store.data(RexKeys.IOSCOPE_EXTRAS).toByteArray(), store.archive().file(), limits));
            if (extras.get(RexKeys.X_INFO) instanceof OSDictionary info) {
                return info;
            }
        }
        return storeInfo(store.string(RexKeys.ARCH_NAME), byteOrder, version, store.string(RexKeys.HOST_NAME),
                store.has(RexKeys.IS_UP_TO_DATE) ? store.bool(RexKeys.IS_UP_TO_DATE) : null,
                store.date(RexKeys.LAST_UPDATE_DATE));
    }

    /** Snapshot.info from the store's keys (null: the key is absent). The writer derives it the same way. */
    static OSDictionary storeInfo(String archName, Long byteOrder, long version, String hostName, Boolean upToDate,
                                  PDate lastUpdate) {
        OSDictionary.Builder b = OSDictionary.builder(6);
        if (archName != null) {
            b.put(RexKeys.ARCH_NAME, OSString.of(archName));
        }
        if (byteOrder != null) {
            b.put(RexKeys.BYTE_ORDER, OSNumber.of64(byteOrder));
        }
        b.put(RexKeys.DATA_STORE_VERSION, OSNumber.of64(version));
        if (hostName != null) {
            b.put(RexKeys.HOST_NAME, OSString.of(hostName));
        }
        if (upToDate != null) {
            b.put(RexKeys.IS_UP_TO_DATE, OSBoolean.of(upToDate));
        }
        if (lastUpdate != null) {
            b.put(RexKeys.LAST_UPDATE_DATE, ArchiveDates.toInfo(lastUpdate));
        }
        return b.build();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
