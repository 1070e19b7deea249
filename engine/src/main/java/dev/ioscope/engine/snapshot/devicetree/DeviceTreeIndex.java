package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryIterator;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Looks device tree entries up the ways device tree consumers do: by phandle (the {@code phandle} and
 * {@code linux,phandle} cells of flattened trees, big-endian; Apple's {@code AAPL,phandle}, little-endian,
 * as XNU's AddPHandle/FindPHandle use it), by the labels a {@code .dts} gave a node (or the
 * {@code /__symbols__} table dtc -@ writes), and by alias ({@code /aliases}, through RegistryPath).
 */
public final class DeviceTreeIndex {
    private final IORegistry registry;
    private final IORegistryPlane plane;
    private final Map<Long, IORegistryEntry> byPhandle = new HashMap<>();
    private final Map<String, IORegistryEntry> byLabel = new HashMap<>();

    private DeviceTreeIndex(IORegistry registry, IORegistryPlane plane) {
        this.registry = registry;
        this.plane = plane;
    }

    /** Indexes the registry's IODeviceTree plane (empty if it has none). */
    public static DeviceTreeIndex of(IORegistry registry) {
        IORegistryPlane plane = registry.findPlane(IORegistryPlane.IODEVICETREE)
                .orElse(new IORegistryPlane(IORegistryPlane.IODEVICETREE));
        DeviceTreeIndex index = new DeviceTreeIndex(registry, plane);
        IORegistryEntry symbols = null;
        for (IORegistryEntry e
                : IORegistryIterator.collect(registry.root(), plane, IORegistryIterator.ITERATE_RECURSIVELY)) {
            index.addPhandle(e, "phandle", false);
            index.addPhandle(e, "linux,phandle", false);
            index.addPhandle(e, "AAPL,phandle", true);
            if (e.snapshotInfo().get(DeviceTreeRegistry.LABELS_KEY) instanceof OSArray labels) {
                for (OSObject l : labels.items()) {
                    if (l instanceof OSString s) {
                        index.byLabel.putIfAbsent(s.value(), e);
                    }
                }
            }
            IORegistryEntry parent = e.parent(plane);
            if (parent != null && parent.parent(plane) == registry.root() && e.name(plane).equals("__symbols__")) {
                symbols = e;
            }
        }
        if (symbols != null) {
            symbols.properties().forEach((label, value) -> {
                if (value instanceof OSData d) {
                    String path = DeviceTreeRegistry.cString(d.toByteArray(), Integer.MAX_VALUE);
                    index.byPath(path).ifPresent(e -> index.byLabel.putIfAbsent(label, e));
                }
            });
        }
        return index;
    }

    private void addPhandle(IORegistryEntry e, String key, boolean littleEndian) {
        if (e.property(key) instanceof OSData d && d.length() == 4) {
            long v = littleEndian ? d.littleEndian(4)
                    : (d.byteAt(0) & 0xffL) << 24 | (d.byteAt(1) & 0xffL) << 16 | (d.byteAt(2) & 0xffL) << 8
                    | (d.byteAt(3) & 0xffL);
            byPhandle.putIfAbsent(v, e);
        }
    }

    public Optional<IORegistryEntry> byPhandle(long phandle) {
        return Optional.ofNullable(byPhandle.get(phandle));
    }

    public Optional<IORegistryEntry> byLabel(String label) {
        return Optional.ofNullable(byLabel.get(label));
    }

    /** The path an alias names in {@code /aliases}. */
    public Optional<String> alias(String alias) {
        return RegistryPath.alias(registry, plane, alias);
    }

    /**
     * A device tree path ({@code /cpus/cpu@0}) or an alias-led path ({@code serial0}, {@code serial0/x}).
     * As in XNU, device tree paths start at the plane's top entry ({@code device-tree}), not the registry root.
     */
    public Optional<IORegistryEntry> byPath(String path) {
        if (path.equals("/")) {
            var top = registry.root().children(plane);
            return top.isEmpty() ? Optional.empty() : Optional.of(top.get(0));
        }
        return RegistryPath.fromPath(registry, path, plane);
    }
}
