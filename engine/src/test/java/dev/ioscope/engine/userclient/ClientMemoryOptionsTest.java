package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioscope.engine.memory.IOCacheMode;
import dev.ioscope.engine.memory.IOMapOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.ReadOnlyBufferException;
import java.util.List;
import java.util.Set;

/** IOConnectMapMemory's options through mapClientMemory64 (docs/iokit-rules.md, MD10). */
class ClientMemoryOptionsTest {
    private final IOMemoryDescriptor status = IOMemoryDescriptor.withCapacity(64);

    private IOConnect open(int driverOptions) {
        return new IOKitUser(Set.of(), new ManualTime()).serviceOpen(type -> new UserClientProvider.NewUserClient(0,
                new IOUserClient(type, List.of()) {
                    @Override
                    public ClientMemory clientMemoryForType(int memoryType) {
                        return new ClientMemory(kIOReturnSuccess, status, driverOptions);
                    }
                }), 0).connect();
    }

    @Test
    @DisplayName("MD10: a driver's kIOMapReadOnly holds whatever the caller asks; the cache mode is the caller's")
    void driverReadOnlyHolds() {
        IOConnect.MapResult m = open(IOMapOptions.kIOMapReadOnly | IOCacheMode.kIOInhibitCache.mapOption())
                .mapMemory(0, IOMapOptions.kIOMapAnywhere | IOCacheMode.kIOWriteCombineCache.mapOption());
        assertThat(m.result()).isEqualTo(kIOReturnSuccess);
        // (0x1100 & ~0xfff) | (0x401 & 0xfff)
        assertThat(m.options()).isEqualTo(0x1401);
        assertThat(m.memory().isReadOnly()).isTrue();
        assertThatThrownBy(() -> m.memory().put(0, (byte) 1)).isInstanceOf(ReadOnlyBufferException.class);
        status.map().put(0, (byte) 9);
        assertThat(m.memory().get(0)).isEqualTo((byte) 9);       // still the driver's bytes, seen read-only
    }

    @Test
    @DisplayName("MD10: without a driver option the caller's view writes the shared bytes")
    void callerWrites() {
        IOConnect.MapResult m = open(0).mapMemory(0, IOMapOptions.kIOMapAnywhere);
        assertThat(m.options()).isEqualTo(IOMapOptions.kIOMapAnywhere);
        m.memory().put(3, (byte) 5);
        assertThat(status.map().get(3)).isEqualTo((byte) 5);
    }
}
