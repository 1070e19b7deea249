package dev.ioscope.engine.memory;

/**
 * One mapping of a memory descriptor into a task (IOMemoryMap; rules MD7-MD10): the task, its address there
 * ({@code getAddress}, 0 once unmapped), the descriptor's range it shows and its options. The map holds its
 * descriptor: a descriptor released by its driver lives on until its last map is released (MD9). A map is counted
 * like an OSObject: a compatible second mapping hands back the same map retained (MD8).
 */
public final class IOMemoryMap {
    private final IOMemoryDescriptor memory;
    private final TaskMap task;
    private final long offset;
    private final long length;
    private final int options;
    private final IOMemoryMap superMap;
    private long address;
    private int retainCount = 1;

    IOMemoryMap(IOMemoryDescriptor memory, TaskMap task, long address, int options, long offset, long length,
                IOMemoryMap superMap) {
        this.memory = memory;
        this.task = task;
        this.address = address;
        this.options = options;
        this.offset = offset;
        this.length = length;
        this.superMap = superMap;
    }

    public IOMemoryDescriptor getMemoryDescriptor() {
        return memory;
    }

    public TaskMap task() {
        return task;
    }

    /** The address in the task; 0 after {@link #unmap}. */
    public long getAddress() {
        return address;
    }

    public long getOffset() {
        return offset;
    }

    public long getLength() {
        return length;
    }

    public int options() {
        return options;
    }

    public boolean isReadOnly() {
        return (options & IOMapOptions.kIOMapReadOnly) != 0;
    }

    public IOCacheMode cacheMode() {
        return IOMapOptions.cacheMode(options);
    }

    /** The map this one is a window into (copyCompatible's fSuperMap), or null. */
    public IOMemoryMap superMap() {
        return superMap;
    }

    public int retainCount() {
        return retainCount;
    }

    /** Whether it is still alive (some reference not yet released). */
    public boolean isLive() {
        return retainCount > 0;
    }

    void retain() {
        retainCount++;
    }

    /**
     * IOMemoryMap::unmap (MD9): the pages leave the task and the address becomes 0; the map object stays (and
     * keeps its descriptor) until released. Unmapping twice does nothing more.
     */
    public void unmap() {
        address = 0;
    }

    /**
     * One reference less; the last one frees the map (IOMemoryMap::free: unmap, then the descriptor forgets it
     * and is let go: a released descriptor with no other map is freed then, MD9). Returns whether it was freed.
     */
    public boolean release() {
        if (retainCount == 0) {
            return false;
        }
        if (--retainCount > 0) {
            return false;
        }
        unmap();
        memory.removeMapping(this);
        if (superMap != null) {
            superMap.release();
        }
        return true;
    }

    /**
     * copyCompatible (MD8): whether a new mapping of {@code [off, off + len)} in {@code t} with {@code opts} can use
     * this map: same task, same kIOMapReadOnly, a default cache mode or the same one, kIOMapAnywhere or this map's
     * address, and the range inside this map's.
     */
    boolean compatible(TaskMap t, long at, int opts, long off, long len) {
        if (address == 0 || t != task || ((options ^ opts) & IOMapOptions.kIOMapReadOnly) != 0) {
            return false;
        }
        if ((opts & IOMapOptions.kIOMapCacheMask) != 0 && ((options ^ opts) & IOMapOptions.kIOMapCacheMask) != 0) {
            return false;
        }
        if ((opts & IOMapOptions.kIOMapAnywhere) == 0 && address != at) {
            return false;
        }
        return off >= offset && off - offset + len <= length;
    }

    /**
     * The options IOConnectMapMemory maps with (mapClientMemory64, MD10): the driver's options from
     * clientMemoryForType keep their bits above kIOMapUserOptionsMask (so a driver's kIOMapReadOnly holds) and take
     * the low twelve (kIOMapAnywhere, the cache mode) from the caller's flags.
     */
    public static int userClientOptions(int driverOptions, int callerFlags) {
        return (driverOptions & ~IOMapOptions.kIOMapUserOptionsMask)
                | (callerFlags & IOMapOptions.kIOMapUserOptionsMask);
    }
}
