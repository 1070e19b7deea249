package dev.ioscope.engine.sim;

import static dev.ioscope.engine.journal.JournalKind.MEMORY_COMPLETE;
import static dev.ioscope.engine.journal.JournalKind.MEMORY_CREATE;
import static dev.ioscope.engine.journal.JournalKind.MEMORY_FREE;
import static dev.ioscope.engine.journal.JournalKind.MEMORY_MAP;
import static dev.ioscope.engine.journal.JournalKind.MEMORY_PREPARE;
import static dev.ioscope.engine.journal.JournalKind.MEMORY_REFUSED;
import static dev.ioscope.engine.journal.JournalKind.MEMORY_RELEASE;
import static dev.ioscope.engine.journal.JournalKind.MEMORY_SET_LENGTH;
import static dev.ioscope.engine.journal.JournalKind.MEMORY_UNMAP;
import static dev.ioscope.engine.journal.JournalKind.SCENARIO_ERROR;

import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.memory.IOBufferMemoryDescriptor;
import dev.ioscope.engine.memory.IODirection;
import dev.ioscope.engine.memory.IOMapOptions;
import dev.ioscope.engine.memory.IOMemoryDescriptor;
import dev.ioscope.engine.memory.IOMemoryMap;
import dev.ioscope.engine.memory.PhysicalAllocator;
import dev.ioscope.engine.memory.TaskMap;
import dev.ioscope.engine.sim.CoreAction.MemoryComplete;
import dev.ioscope.engine.sim.CoreAction.MemoryCreate;
import dev.ioscope.engine.sim.CoreAction.MemoryMap;
import dev.ioscope.engine.sim.CoreAction.MemoryPrepare;
import dev.ioscope.engine.sim.CoreAction.MemoryRelease;
import dev.ioscope.engine.sim.CoreAction.MemorySetLength;
import dev.ioscope.engine.sim.CoreAction.MemoryUnmap;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The memory actions of a scenario (docs/scenarios.md, "Memory"): a driver makes memory descriptors by name
 * ({@code memory-create}: an IOBufferMemoryDescriptor, or a descriptor over physical ranges), prepares and
 * completes them, sets a buffer's length, maps them into tasks, unmaps and releases; each call is journalled with
 * what XNU answers (rules MD1-MD10). The descriptors stay alive between actions, so {@code dma-transfer} can name
 * one ({@code memory}). A bad argument is {@code scenario.error}; a call XNU refuses is {@code memory.refused}.
 */
final class MemoryActions {
    private final Simulation sim;
    private final PhysicalAllocator physical = PhysicalAllocator.standard();
    private final Map<String, IOMemoryDescriptor> descriptors = new LinkedHashMap<>();
    private final Map<String, String> owners = new LinkedHashMap<>();
    private final Map<String, IOMemoryMap> maps = new LinkedHashMap<>();
    private final Map<IOMemoryMap, String> mapNames = new IdentityHashMap<>();
    private final Map<String, TaskMap> tasks = new LinkedHashMap<>();

    MemoryActions(Simulation sim) {
        this.sim = sim;
    }

    void perform(String type, CoreAction.MemoryAction op) {
        try {
            if (op instanceof MemoryCreate c) {
                create(c);
            } else if (op instanceof MemoryPrepare p) {
                prepare(p);
            } else if (op instanceof MemoryComplete c) {
                complete(c);
            } else if (op instanceof MemorySetLength l) {
                setLength(l);
            } else if (op instanceof MemoryMap m) {
                map(m);
            } else if (op instanceof MemoryUnmap u) {
                unmap(u);
            } else if (op instanceof MemoryRelease r) {
                release(r);
            } else {
                throw new IllegalArgumentException("unknown action");
            }
        } catch (IllegalArgumentException ex) {
            sim.record(SCENARIO_ERROR, "", "action", type, "reason", ex.getMessage());
        }
    }

    /** A live descriptor by name (for dma-transfer), or an error naming what exists. */
    IOMemoryDescriptor descriptor(String name) {
        IOMemoryDescriptor md = descriptors.get(name);
        if (md == null || md.isFreed()) {
            throw new IllegalArgumentException("no memory descriptor named " + name
                    + (md == null ? " (memory-create it first)" : " (it was freed)"));
        }
        return md;
    }

    String owner(String name) {
        return owners.getOrDefault(name, "");
    }

    private void create(MemoryCreate a) {
        String name = required(a.name(), "name");
        if (descriptors.containsKey(name)) {
            throw new IllegalArgumentException("a memory descriptor named " + name + " exists already");
        }
        String entry = entry(a.path());
        IODirection dir = DmaActions.direction(a.direction());
        String task = a.task() == null ? TaskMap.KERNEL_TASK : a.task();
        IOMemoryDescriptor md;
        if (a.ranges() != null) {
            IOMemoryDescriptor.Type type = "physical".equals(a.type()) ? IOMemoryDescriptor.Type.PHYSICAL
                    : IOMemoryDescriptor.Type.VIRTUAL;
            md = new IOMemoryDescriptor(type, dir, IOMemoryDescriptor.parseRanges(a.ranges()));
        } else {
            int options = dir.bits | IOMapOptions.parseBufferOptions(a.options());
            long capacity = num(a.capacity(), "capacity", -1);
            if (capacity < 0) {
                throw new IllegalArgumentException("no capacity (or ranges for a descriptor over physical memory)");
            }
            boolean kernel = TaskMap.KERNEL_TASK.equals(task);
            IOBufferMemoryDescriptor.Made made = a.physicalMask() != null
                    ? IOBufferMemoryDescriptor.inTaskWithPhysicalMask(kernel, options, capacity,
                            num(a.physicalMask(), "physicalMask", 0), physical)
                    : IOBufferMemoryDescriptor.inTaskWithOptions(kernel, options, capacity,
                            num(a.alignment(), "alignment", 1), physical);
            if (made.buffer() == null) {
                sim.record(MEMORY_REFUSED, entry, "descriptor", name, "call", "IOBufferMemoryDescriptor::"
                        + (a.physicalMask() != null ? "inTaskWithPhysicalMask" : "inTaskWithOptions"),
                        "result", "NULL", "reason", made.refused());
                return;
            }
            md = made.buffer();
        }
        descriptors.put(name, md);
        owners.put(name, entry);
        List<String> kv = new ArrayList<>(List.of("descriptor", name, "class", md instanceof IOBufferMemoryDescriptor
                ? "IOBufferMemoryDescriptor" : "IOGeneralMemoryDescriptor", "type", md.type().name().toLowerCase(
                Locale.ROOT), "task", task, "direction", md.getDirection().name(), "length", hex(md.getLength()),
                "ranges", ranges(md), "wireCount", String.valueOf(md.wireCount())));
        if (md instanceof IOBufferMemoryDescriptor b) {
            kv.addAll(List.of("capacity", hex(b.getCapacity()), "alignment", hex(b.alignment()),
                    "allocated", hex(b.allocated()), "pageable", String.valueOf(b.isPageable()),
                    "contiguous", String.valueOf(b.isContiguous())));
        }
        sim.record(MEMORY_CREATE, entry, kv.toArray(String[]::new));
    }

    private void prepare(MemoryPrepare a) {
        String name = required(a.name(), "name");
        IOMemoryDescriptor md = descriptor(name);
        IODirection d = a.direction() == null ? IODirection.NONE : DmaActions.direction(a.direction());
        int r = md.prepare(d);
        sim.record(MEMORY_PREPARE, owner(name), "descriptor", name, "direction", d.name(), "result",
                IOReturn.name(r), "wireCount", String.valueOf(md.wireCount()),
                "readOnly", String.valueOf(md.isPreparedReadOnly()));
    }

    private void complete(MemoryComplete a) {
        String name = required(a.name(), "name");
        IOMemoryDescriptor md = descriptor(name);
        boolean unbalanced = md.wireCount() == 0 && md.type() == IOMemoryDescriptor.Type.VIRTUAL;
        int r = md.complete();
        sim.record(MEMORY_COMPLETE, owner(name), "descriptor", name, "result", IOReturn.name(r),
                "wireCount", String.valueOf(md.wireCount()), "readOnly", String.valueOf(md.isPreparedReadOnly()),
                "unbalanced", String.valueOf(unbalanced));
    }

    private void setLength(MemorySetLength a) {
        String name = required(a.name(), "name");
        if (!(descriptor(name) instanceof IOBufferMemoryDescriptor b)) {
            throw new IllegalArgumentException(name + " is not an IOBufferMemoryDescriptor (no setLength)");
        }
        long asked = num(a.length(), "length", -1);
        if (asked < 0) {
            throw new IllegalArgumentException("no length");
        }
        boolean set = b.setLength(asked);
        sim.record(MEMORY_SET_LENGTH, owner(name), "descriptor", name, "asked", hex(asked), "set",
                String.valueOf(set), "length", hex(b.getLength()), "capacity", hex(b.getCapacity()));
    }

    private void map(MemoryMap a) {
        String name = required(a.name(), "name");
        IOMemoryDescriptor md = descriptor(name);
        String task = a.task() == null ? TaskMap.KERNEL_TASK : a.task();
        TaskMap t = tasks.computeIfAbsent(task, TaskMap::new);
        int options = IOMapOptions.parseMapOptions(a.options());
        long at = num(a.address(), "address", 0);
        if ((options & IOMapOptions.kIOMapAnywhere) == 0 && at == 0) {
            options |= IOMapOptions.kIOMapAnywhere;     // no address given: anywhere, as map() does
        }
        String as = a.as() == null ? name + "@" + task : a.as();
        long offset = num(a.offset(), "offset", 0);
        long length = num(a.length(), "length", 0);
        IOMemoryMap m = md.createMappingInTask(t, at, options, offset, length);
        if (m == null) {
            sim.record(MEMORY_REFUSED, owner(name), "descriptor", name, "call", "createMappingInTask", "result",
                    IOReturn.name(IOReturn.kIOReturnBadArgument), "reason", "offset 0x"
                    + Long.toHexString(offset) + " length 0x" + Long.toHexString(length)
                    + " does not fit in 0x" + Long.toHexString(md.getLength()));
            return;
        }
        String shared = mapNames.get(m);
        if (shared == null) {
            mapNames.put(m, as);
        }
        maps.put(as, m);
        sim.record(MEMORY_MAP, owner(name), "descriptor", name, "map", shared == null ? as : shared, "task", task,
                "address", hex(m.getAddress()), "offset", hex(m.getOffset()), "length", hex(m.getLength()),
                "options", IOMapOptions.describe(m.options()), "readOnly", String.valueOf(m.isReadOnly()),
                "cache", m.cacheMode() == null ? "?" : m.cacheMode().name(),
                "retainCount", String.valueOf(m.retainCount()), "shared", String.valueOf(shared != null),
                "superMap", m.superMap() == null ? "" : mapNames.getOrDefault(m.superMap(), ""));
    }

    private void unmap(MemoryUnmap a) {
        String as = required(a.map(), "map");
        IOMemoryMap m = liveMap(as);
        m.unmap();
        sim.record(MEMORY_UNMAP, owner(nameOf(m)), "map", mapNames.get(m), "descriptor", nameOf(m));
    }

    private void release(MemoryRelease a) {
        if (a.map() != null) {
            IOMemoryMap m = liveMap(a.map());
            String desc = nameOf(m);
            boolean wasReleased = m.getMemoryDescriptor().isReleased();
            boolean freed = m.release();
            sim.record(MEMORY_RELEASE, owner(desc), "map", mapNames.get(m), "descriptor", desc,
                    "retainCount", String.valueOf(m.retainCount()), "freed", String.valueOf(freed));
            if (freed && wasReleased && m.getMemoryDescriptor().isFreed()) {
                sim.record(MEMORY_FREE, owner(desc), "descriptor", desc, "by", "last map");
            }
            return;
        }
        String name = required(a.name(), "name");
        IOMemoryDescriptor md = descriptor(name);
        if (md.isReleased()) {
            throw new IllegalArgumentException(name + " was released already (a second release over-releases it)");
        }
        boolean freed = md.release();
        sim.record(MEMORY_RELEASE, owner(name), "descriptor", name, "freed", String.valueOf(freed),
                "maps", String.valueOf(md.mappings().size()));
        if (freed) {
            sim.record(MEMORY_FREE, owner(name), "descriptor", name, "by", "release");
        }
    }

    private IOMemoryMap liveMap(String as) {
        IOMemoryMap m = maps.get(as);
        if (m == null || !m.isLive()) {
            throw new IllegalArgumentException("no map named " + as + (m == null ? "" : " (it was released)"));
        }
        return m;
    }

    private String nameOf(IOMemoryMap m) {
        for (Map.Entry<String, IOMemoryDescriptor> e : descriptors.entrySet()) {
            if (e.getValue() == m.getMemoryDescriptor()) {
                return e.getKey();
            }
        }
        return "";
    }

    private String entry(String path) {
        if (path == null) {
            return "";
        }
        var e = sim.resolve(path);
        if (e == null) {
            throw new IllegalArgumentException("no entry at " + path);
        }
        return sim.path(e);
    }

    private static String required(String v, String field) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("no " + field);
        }
        return v;
    }

    private static long num(JsonValue value, String key, long absent) {
        String v = JsonValue.text(value);
        if (v == null) {
            return absent;
        }
        try {
            return IOMemoryDescriptor.number(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }

    static String ranges(IOMemoryDescriptor md) {
        List<String> out = new ArrayList<>();
        for (IOMemoryDescriptor.Range r : md.ranges()) {
            out.add(hex(r.address()) + "+" + hex(r.length()));
        }
        return String.join(",", out);
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
