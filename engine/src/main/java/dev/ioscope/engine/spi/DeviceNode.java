package dev.ioscope.engine.spi;

import dev.ioscope.engine.os.OSDictionary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A nub a device model wants published: class, name, location, properties, and the nubs the driver that
 * matches it will publish in turn. The machine is thus a tree of nubs; the drivers between them come from
 * matching, exactly as in I/O Kit (a nub is registered, a personality matches it, the driver's start()
 * publishes the next nubs).
 */
public final class DeviceNode {
    private final String className;
    private final String name;
    private final String location;
    private final OSDictionary properties;
    private final List<DeviceNode> children = new ArrayList<>();
    private final List<String> planes = new ArrayList<>();
    private boolean attachesChildren;
    private final List<Map.Entry<String, DeviceNode>> planeEntries = new ArrayList<>();
    /** Plane → the name this nub has there (IORegistryEntry::setName(name, plane)), when it differs. */
    private final Map<String, String> planeNames = new LinkedHashMap<>();
    /** Plane → the name of the plane-only entry it sits under there (ACPI devices under "_SB"). */
    private final Map<String, String> planeUnder = new LinkedHashMap<>();

    public DeviceNode(String className, String name, String location, OSDictionary properties) {
        this.className = className;
        this.name = name == null ? className : name;
        this.location = location;
        this.properties = properties == null ? OSDictionary.empty() : properties;
    }

    public String className() {
        return className;
    }

    public String name() {
        return name;
    }

    /** The location (the part after '@' in a path), or null. */
    public String location() {
        return location;
    }

    public OSDictionary properties() {
        return properties;
    }

    /** Nubs the matched driver publishes, in order. */
    public List<DeviceNode> children() {
        return children;
    }

    /** Adds a child nub and returns it (for chaining a stack: controller → device → media). */
    public DeviceNode add(DeviceNode child) {
        children.add(child);
        return child;
    }

    /** The same nub with extra properties merged over its own (the argument wins, keeping key order). */
    public DeviceNode withProperties(OSDictionary extra, String newName, String newLocation) {
        OSDictionary merged = extra.isEmpty() ? properties
                : OSDictionary.builder(properties.size() + extra.size()).putAll(properties).putAll(extra).build();
        DeviceNode n = new DeviceNode(className, newName == null ? name : newName,
                newLocation == null ? location : newLocation, merged);
        n.children.addAll(children);
        n.planes.addAll(planes);
        n.attachesChildren = attachesChildren;
        n.planeEntries.addAll(planeEntries);
        n.planeNames.putAll(planeNames);
        n.planeUnder.putAll(planeUnder);
        return n;
    }

    /**
     * The family attaches this nub's children itself, with no driver in between (a USB port holds its
     * device, a USB device its interfaces): they are published as soon as this nub is.
     */
    public DeviceNode attachesChildren() {
        attachesChildren = true;
        return this;
    }

    public boolean isAttachingChildren() {
        return attachesChildren;
    }

    /**
     * Also attach this nub in another plane (IOUSB, IODeviceTree...), under its nearest provider that is in
     * that plane, or under the registry root when none is (as IOUSBHostFamily roots its plane at the
     * controller's device).
     */
    public DeviceNode alsoIn(String plane) {
        if (!planes.contains(plane)) {
            planes.add(plane);
        }
        return this;
    }

    /**
     * Also attach this nub in {@code plane}, under the plane-only entry named {@code under} of its nearest
     * provider in that plane (an ACPI device under "_SB" of the platform expert's "acpi"), or under that provider
     * when it has no such entry.
     */
    public DeviceNode alsoIn(String plane, String under) {
        planeUnder.put(plane, under);
        return alsoIn(plane);
    }

    /** This nub's name in {@code plane} (the platform expert device is "acpi" in IOACPIPlane). */
    public DeviceNode nameIn(String plane, String planeName) {
        planeNames.put(plane, planeName);
        return this;
    }

    /** The name in {@code plane} if it has one of its own, or null. */
    public String nameIn(String plane) {
        return planeNames.get(plane);
    }

    /** The plane-only entry this nub sits under in {@code plane}, or null. */
    public String underIn(String plane) {
        return planeUnder.get(plane);
    }

    /**
     * An entry that lives only in {@code plane} (not an IOService), attached under this nub in that plane when
     * it is published: the IODeviceTree skeleton ("cpus", "chosen", "options"...). The child's own children are
     * attached under it in the same plane. This nub must itself be in the plane ({@link #alsoIn}).
     */
    public DeviceNode planeEntry(String plane, DeviceNode entry) {
        planeEntries.add(Map.entry(plane, entry));
        return entry;
    }

    public List<Map.Entry<String, DeviceNode>> planeEntries() {
        return planeEntries;
    }

    public List<String> planes() {
        return planes;
    }

    @Override
    public String toString() {
        return className + " " + name + (location == null ? "" : "@" + location);
    }
}
