package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

/** A canonical text of an IODeviceTree plane (names, locations, classes, every property's bytes) to compare. */
final class DeviceTreeDump {
    private DeviceTreeDump() {
    }

    static String of(IORegistry registry) {
        IORegistryPlane plane = registry.findPlane(IORegistryPlane.IODEVICETREE).orElseThrow();
        StringBuilder sb = new StringBuilder();
        dump(registry.root(), plane, 0, sb);
        return sb.toString();
    }

    private static void dump(IORegistryEntry e, IORegistryPlane plane, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth)).append(e.nameWithLocation(plane)).append(" <").append(e.className())
                .append(", name ").append(e.name()).append(">\n");
        e.properties().forEach((k, v) -> sb.append("  ".repeat(depth + 1)).append(k).append(" = ").append(v)
                .append('\n'));
        for (IORegistryEntry c : e.children(plane)) {
            dump(c, plane, depth + 1, sb);
        }
    }
}
