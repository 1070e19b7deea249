package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSUnserializable;
import dev.ioscope.engine.os.plist.PlistValue.PData;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.PendingProperties;
import dev.ioscope.engine.snapshot.DeferredTables;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;

/**
 * One entry's embedded property plist, kept as bytes until it is first needed. Decoding gives the table (XNU's
 * "{@code <Class>} is not serializable" strings recognised, as every importer does) or keeps the error, named
 * with the entry's place in the archive exactly as an eager read names it.
 */
final class ArchiveTable implements PendingProperties, DeferredTables.Table, PData.Reader<OSObject> {
    private final IORegistryEntry entry;
    private final PropertyTableDecoder decoder;
    private final ParseLimits limits;
    private final String file;
    private final String where;
    private PData xml;
    private volatile SnapshotException error;

    ArchiveTable(IORegistryEntry entry, PData xml, PropertyTableDecoder decoder, ParseLimits limits, String file,
                 String where) {
        this.entry = entry;
        this.xml = xml;
        this.decoder = decoder;
        this.limits = limits;
        this.file = file;
        this.where = where;
    }

    @Override
    public IORegistryEntry entry() {
        return entry;
    }

    @Override
    public SnapshotException error() {
        return error;
    }

    /** Called once, under the entry's lock. */
    @Override
    public OSDictionary decode() {
        PData bytes = xml;
        xml = null; // the bytes (a view of the file's) are not needed again
        try {
            return (OSDictionary) OSUnserializable.recognize(bytes.read(this));
        } catch (SnapshotException x) {
            error = new SnapshotException(file, where + (x.place() == null ? "" : ", " + x.place()), x.problem(), x);
        } catch (StackOverflowError x) {
            error = new SnapshotException(file, where, "nesting too deep to read");
        } catch (OutOfMemoryError x) {
            error = new SnapshotException(file, where, "too large to load in the available memory");
        } catch (RuntimeException x) {
            error = new SnapshotException(file, where, "malformed property table (" + x.getClass().getSimpleName()
                    + (x.getMessage() == null ? "" : ": " + x.getMessage()) + ")", x);
        }
        return OSDictionary.empty();
    }

    /** The decoder's work on the bytes, in place. */
    @Override
    public OSObject read(byte[] data, int from, int to) throws SnapshotException {
        return decoder.decode(data, from, to, file, limits);
    }
}
