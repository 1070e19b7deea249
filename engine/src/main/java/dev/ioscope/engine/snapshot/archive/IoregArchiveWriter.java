package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.plist.BinaryPlistWriter;
import dev.ioscope.engine.os.plist.NSKeyedArchiveBuilder;
import dev.ioscope.engine.os.plist.PlistValue;
import dev.ioscope.engine.os.plist.PlistValue.PBool;
import dev.ioscope.engine.os.plist.PlistValue.PData;
import dev.ioscope.engine.os.plist.PlistValue.PDate;
import dev.ioscope.engine.os.plist.PlistValue.PInt;
import dev.ioscope.engine.os.plist.PlistValue.PUid;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a registry as an IORegistryExplorer {@code .ioreg} archive (RexDataStore, dataStoreVersion 1): the
 * classes, keys and NSKeyedArchiver conventions of Apple's own files (NSMutableDictionary per-plane tables,
 * NSMutableArray link lists, NSArray class chains, NSDate dates, each property table as an XML plist with
 * Apple's DOCTYPE), so that {@link IoregArchiveReader} reads back an equal registry and IORegistryExplorer
 * finds what it expects.
 *
 * <p>What our model does not hold comes from {@code snapshotInfo} when an archive was read (entryTag,
 * bundleID, dates, isNew, terminationAcknowledged) and otherwise from defaults: the tag from the ID
 * ({@code entryTag = ID - IORegistry.ROOT_ID + 1}, the reader's rule reversed) or the next free tag,
 * dateDiscovered = the store's lastUpdateDate.
 */
public final class IoregArchiveWriter implements SnapshotWriter {
    private final PropertyTableEncoder properties;

    public IoregArchiveWriter() {
        this(PropertyTables.XML_ENCODER);
    }

    public IoregArchiveWriter(PropertyTableEncoder properties) {
        this.properties = properties;
    }

    @Override
    public SnapshotFormat format() {
        return SnapshotFormat.IOREG_ARCHIVE;
    }

    @Override
    public void write(Snapshot snapshot, OutputStream out) throws IOException {
        out.write(BinaryPlistWriter.write(archive(snapshot)));
    }

    /** The archive as a property-list tree (before binary encoding). */
    public PlistValue archive(Snapshot snapshot) {
        IORegistry registry = snapshot.registry();
        OSDictionary info = snapshot.info();
        NSKeyedArchiveBuilder a = new NSKeyedArchiveBuilder();
        PUid store = a.reserve();
        String hostName = string(info, RexKeys.HOST_NAME, snapshot.source() == null ? "IOScope" : snapshot.source());
        String archName = string(info, RexKeys.ARCH_NAME, "i386");
        // NS_LittleEndian = 1; an NSNumber object in Apple's files, unlike the inline dataStoreVersion
        long byteOrder = info.get(RexKeys.BYTE_ORDER) instanceof OSNumber n ? n.signedValue() : 1;
        boolean upToDate = !(info.get(RexKeys.IS_UP_TO_DATE) instanceof OSBoolean b) || b.value();
        PDate lastUpdate = date(info, RexKeys.LAST_UPDATE_DATE);
        if (lastUpdate == null) {
            lastUpdate = new PDate(Instant.now().toEpochMilli() / 1000.0 - PDate.EPOCH_2001_UNIX);
        }
        Map<String, PlistValue> s = new LinkedHashMap<>();
        s.put(RexKeys.HOST_NAME, a.string(hostName));
        s.put(RexKeys.ARCH_NAME, a.string(archName));
        PUid byteOrderRef = a.reserve();
        a.set(byteOrderRef, PInt.of(byteOrder));
        s.put(RexKeys.BYTE_ORDER, byteOrderRef);
        Map<IORegistryEntry, PUid> uids = new HashMap<>();
        List<PUid> entryRefs = new ArrayList<>();
        for (IORegistryEntry e : registry.entries()) {
            PUid u = a.reserve();
            uids.put(e, u);
            entryRefs.add(u);
        }
        s.put(RexKeys.REGISTRY_ENTRIES, a.array(entryRefs, NSKeyedArchiveBuilder.NSMUTABLEARRAY));
        RexEntryEncoder entries = new RexEntryEncoder(a, registry, uids, properties, lastUpdate);
        for (IORegistryEntry e : registry.entries()) {
            entries.encode(e);
        }
        List<String> planes = registry.planes().stream().map(IORegistryPlane::name).toList();
        s.put(RexKeys.REGISTRY_PLANES, a.stringArray(planes, NSKeyedArchiveBuilder.NSMUTABLEARRAY));
        s.put(RexKeys.LAST_UPDATE_DATE, a.date(lastUpdate));
        s.put(RexKeys.DATA_STORE_VERSION, PInt.of(RexKeys.SUPPORTED_VERSION));
        s.put(RexKeys.IS_UP_TO_DATE, PBool.of(upToDate));
        OSDictionary derived = IoregArchiveReader.storeInfo(archName, byteOrder, RexKeys.SUPPORTED_VERSION,
                hostName, upToDate, lastUpdate);
        if (!derived.equals(info)) {
            s.put(RexKeys.IOSCOPE_EXTRAS, PData.wrap(properties.encode(
                    (OSDictionary) TypedValues.tag(OSDictionary.of(RexKeys.X_INFO, info)))));
        }
        a.define(store, RexKeys.DATA_STORE_CLASSES, s);
        return a.archive(store);
    }

    static String string(OSDictionary d, String key, String fallback) {
        OSObject v = d.get(key);
        return v instanceof OSString s ? s.value() : fallback;
    }

    static PDate date(OSDictionary d, String key) {
        return d.get(key) instanceof OSString s ? ArchiveDates.fromInfo(s.value()) : null;
    }

    static List<String> strings(OSObject v) {
        List<String> out = new ArrayList<>();
        if (v instanceof OSArray arr) {
            for (OSObject o : arr.items()) {
                if (o instanceof OSString s) {
                    out.add(s.value());
                }
            }
        }
        return out;
    }
}
