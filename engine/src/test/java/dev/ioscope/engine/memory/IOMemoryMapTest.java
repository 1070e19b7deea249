package dev.ioscope.engine.memory;

import static dev.ioscope.engine.memory.IOMapOptions.kIOMapAnywhere;
import static dev.ioscope.engine.memory.IOMapOptions.kIOMapReadOnly;
import static dev.ioscope.engine.memory.IOMapOptions.kIOMapReference;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * IOMemoryMap: createMappingInTask's options, sharing of compatible maps, a map's lifetime, and the options a user
 * client's mapping takes (docs/iokit-rules.md, MD7-MD10). Expected values worked out by hand from
 * IOMemoryDescriptor::createMappingInTask, makeMapping, IOMemoryMap::copyCompatible, unmap, free,
 * IOGeneralMemoryDescriptor::doMap and IOUserClient::mapClientMemory64 (xnu-11417.101.15).
 */
class IOMemoryMapTest {
    private final TaskMap kernel = new TaskMap(TaskMap.KERNEL_TASK);
    private final TaskMap app = new TaskMap("app");

    private static IOMemoryDescriptor memory(long address, long length) {
        return new IOMemoryDescriptor(IOMemoryDescriptor.Type.VIRTUAL, IODirection.OUT_IN,
                List.of(new IOMemoryDescriptor.Range(address, length)));
    }

    @Test
    @DisplayName("MD7: map() is the kernel task anywhere; length 0 means the whole descriptor, so an offset with "
            + "length 0 does not fit")
    void md7LengthAndPlace() {
        IOMemoryDescriptor md = memory(0x10000, 0x2000);
        IOMemoryMap k = md.map(kernel, 0);
        assertThat(k.task().isKernel()).isTrue();
        assertThat(k.getAddress()).isEqualTo(0xffff_ff80_0000_0000L);
        assertThat(k.getLength()).isEqualTo(0x2000);
        assertThat(k.options() & kIOMapAnywhere).isNotZero();
        // length 0 -> getLength() = 0x2000; offset 0x1000 + 0x2000 > 0x2000: doMap's kIOReturnBadArgument
        assertThat(md.createMappingInTask(app, 0, kIOMapAnywhere, 0x1000, 0)).isNull();
        assertThat(md.createMappingInTask(app, 0, kIOMapAnywhere, 0x2000, 0x10)).isNull();
        IOMemoryMap half = md.createMappingInTask(app, 0, kIOMapAnywhere, 0x1000, 0x1000);
        assertThat(half.getAddress()).isEqualTo(0x1_0000_0000L);
        assertThat(half.getOffset()).isEqualTo(0x1000);
    }

    @Test
    @DisplayName("MD7: without kIOMapAnywhere the map is at the address given; the start's page offset is kept; "
            + "read-only and cache mode come from the options")
    void md7Options() {
        IOMemoryDescriptor md = memory(0x10080, 0x100);
        IOMemoryMap fixed = md.createMappingInTask(app, 0x2_0000_0080L,
                kIOMapReadOnly | IOCacheMode.kIOWriteCombineCache.mapOption(), 0, 0);
        assertThat(fixed.getAddress()).isEqualTo(0x2_0000_0080L);
        assertThat(fixed.isReadOnly()).isTrue();
        assertThat(fixed.cacheMode()).isEqualTo(IOCacheMode.kIOWriteCombineCache);
        assertThat(IOCacheMode.kIOWriteCombineCache.mapOption()).isEqualTo(0x400);
        // anywhere: the first free user page, plus the physical start's offset in its page (0x80)
        IOMemoryMap any = md.createMappingInTask(app, 0, kIOMapAnywhere, 0, 0);
        assertThat(any.getAddress()).isEqualTo(0x1_0000_0080L);
        assertThat(any.cacheMode()).isEqualTo(IOCacheMode.kIODefaultCache);
    }

    @Test
    @DisplayName("MD8: a compatible mapping in the same task is the same map retained; read-only or another cache "
            + "mode is a new map; a range inside is a window on it")
    void md8CompatibleMapsAreShared() {
        IOMemoryDescriptor md = memory(0x10000, 0x2000);
        IOMemoryMap first = md.createMappingInTask(app, 0, kIOMapAnywhere, 0, 0);
        assertThat(md.createMappingInTask(app, 0, kIOMapAnywhere, 0, 0)).isSameAs(first);
        assertThat(first.retainCount()).isEqualTo(2);
        assertThat(md.createMappingInTask(app, 0, kIOMapAnywhere | kIOMapReadOnly, 0, 0)).isNotSameAs(first);
        assertThat(md.createMappingInTask(app, 0, kIOMapAnywhere | IOCacheMode.kIOInhibitCache.mapOption(), 0, 0))
                .isNotSameAs(first);
        // another task never shares
        assertThat(md.createMappingInTask(kernel, 0, kIOMapAnywhere, 0, 0)).isNotSameAs(first);
        IOMemoryMap window = md.createMappingInTask(app, 0, kIOMapAnywhere, 0x1000, 0x1000);
        assertThat(window).isNotSameAs(first);
        assertThat(window.superMap()).isSameAs(first);
        assertThat(window.getAddress()).isEqualTo(first.getAddress() + 0x1000);
        assertThat(first.retainCount()).isEqualTo(3);
        // kIOMapReference finds only what exists
        assertThat(md.createMappingInTask(app, 0, kIOMapAnywhere | kIOMapReference, 0, 0)).isSameAs(first);
        IOMemoryDescriptor other = memory(0x40000, 0x1000);
        assertThat(other.createMappingInTask(app, 0, kIOMapAnywhere | kIOMapReference, 0, 0)).isNull();
    }

    @Test
    @DisplayName("MD9: the map keeps its descriptor alive; unmap leaves the map object; the last release frees both")
    void md9Lifetime() {
        IOMemoryDescriptor md = memory(0x10000, 0x1000);
        IOMemoryMap m = md.createMappingInTask(app, 0, kIOMapAnywhere, 0, 0);
        assertThat(md.release()).isFalse();
        assertThat(md.isReleased()).isTrue();
        assertThat(md.isFreed()).isFalse();
        m.unmap();
        assertThat(m.getAddress()).isZero();
        assertThat(md.mappings()).containsExactly(m);
        assertThat(md.isFreed()).isFalse();
        assertThat(m.release()).isTrue();
        assertThat(md.mappings()).isEmpty();
        assertThat(md.isFreed()).isTrue();
        assertThat(md.createMappingInTask(app, 0, kIOMapAnywhere, 0, 0)).isNull();
    }

    @Test
    @DisplayName("MD9: an unmapped map is not shared: a new mapping gets a new address")
    void md9UnmappedIsNotCompatible() {
        IOMemoryDescriptor md = memory(0x10000, 0x1000);
        IOMemoryMap m = md.createMappingInTask(app, 0, kIOMapAnywhere, 0, 0);
        m.unmap();
        IOMemoryMap again = md.createMappingInTask(app, 0, kIOMapAnywhere, 0, 0);
        assertThat(again).isNotSameAs(m);
        assertThat(again.getAddress()).isEqualTo(0x1_0000_1000L);
    }

    @Test
    @DisplayName("MD10: IOConnectMapMemory keeps the driver's options above 0xfff (kIOMapReadOnly) and takes "
            + "kIOMapAnywhere and the cache mode from the caller")
    void md10UserClientOptions() {
        int driver = kIOMapReadOnly | IOCacheMode.kIOInhibitCache.mapOption();
        int caller = kIOMapAnywhere | IOCacheMode.kIOWriteCombineCache.mapOption();
        // (0x1100 & ~0xfff) | (0x401 & 0xfff) = 0x1000 | 0x401
        assertThat(IOMemoryMap.userClientOptions(driver, caller)).isEqualTo(0x1401);
        assertThat(IOMapOptions.describe(0x1401)).isEqualTo("kIOMapAnywhere|kIOMapReadOnly|kIOMapWriteCombineCache");
    }
}
