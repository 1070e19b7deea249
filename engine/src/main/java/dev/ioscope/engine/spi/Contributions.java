package dev.ioscope.engine.spi;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSSymbol;
import dev.ioscope.engine.os.plist.XmlPlistReader;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.sim.DriverBehavior;
import dev.ioscope.engine.sim.SimulationExtension;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the families contributed for one machine, in family order then contribution order (so a boot
 * is deterministic). A family whose register() throws is rolled back: none of its contributions stay.
 */
public final class Contributions {
    /** One class-catalogue entry. */
    public record ClassEntry(String className, String superClass) {
    }

    /** One contributed table (see {@link FamilyContext#table}). */
    public record Table(String family, String kind, String className, OSObject table) {
    }

    private final Map<String, DeviceModel> models = new LinkedHashMap<>();
    private final Map<String, DriverBehavior> behaviors = new LinkedHashMap<>();
    private final List<ClassEntry> classes = new ArrayList<>();
    private final List<Personality> personalities = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, HotPlugSlot> slots = new LinkedHashMap<>();
    private final List<PaletteDevice> palette = new ArrayList<>();
    private final List<SimulationExtension> extensions = new ArrayList<>();
    private final Set<String> unregistered = new LinkedHashSet<>();

    /** Registers every family, with the class path's scenario-action extensions. */
    public static Contributions of(List<HardwareFamily> families) {
        return of(families, PluginLoader.builtInExtensions());
    }

    /** Everything one plugin loader found: its families and its scenario-action extensions. */
    public static Contributions of(PluginLoader plugins) {
        return of(plugins.families(), plugins.extensions());
    }

    /**
     * Registers every family; one that throws is reported and its partial contributions dropped. The extensions
     * are what simulations of the machine get ({@link #extensions()}).
     */
    public static Contributions of(List<HardwareFamily> families, List<SimulationExtension> extensions) {
        Contributions all = new Contributions();
        all.extensions.addAll(extensions);
        for (HardwareFamily f : families) {
            Contributions mine = new Contributions();
            FamilyInfo info;
            try {
                info = f.info();
                f.register(mine.context(info));
            } catch (RuntimeException | LinkageError e) {
                all.problems.add(f.getClass().getName() + ": register failed: " + e);
                continue;
            }
            all.absorb(info, mine);
        }
        return all;
    }

    /** The scenario-action extensions a simulation of this machine installs, in the plugin loader's order. */
    public List<SimulationExtension> extensions() {
        return List.copyOf(extensions);
    }

    private void absorb(FamilyInfo info, Contributions mine) {
        mine.models.forEach((type, m) -> {
            if (models.putIfAbsent(type, m) != null) {
                problems.add(info.id() + ": device type \"" + type + "\" is already modelled; ignored");
            }
        });
        mine.behaviors.forEach((cls, b) -> {
            if (behaviors.putIfAbsent(cls, b) != null) {
                problems.add(info.id() + ": driver class " + cls + " already has a behaviour; ignored");
            }
        });
        mine.slots.forEach((cls, sl) -> {
            if (slots.putIfAbsent(cls, sl) != null) {
                problems.add(info.id() + ": " + cls + " is already a hot-plug slot; ignored");
            }
        });
        palette.addAll(mine.palette);
        unregistered.addAll(mine.unregistered);
        classes.addAll(mine.classes);
        personalities.addAll(mine.personalities);
        tables.addAll(mine.tables);
        problems.addAll(mine.problems);
    }

    private FamilyContext context(FamilyInfo info) {
        return new FamilyContext() {
            @Override
            public FamilyInfo family() {
                return info;
            }

            @Override
            public void deviceModel(String type, DeviceModel model) {
                if (models.putIfAbsent(type, model) != null) {
                    problems.add(info.id() + ": device type \"" + type + "\" registered twice; ignored");
                }
            }

            @Override
            public void classEntry(String className, String superClass) {
                classes.add(new ClassEntry(className, superClass));
            }

            @Override
            public void driver(String className, String superClass, DriverBehavior behavior) {
                classEntry(className, superClass);
                behaviors.put(className, behavior);
            }

            @Override
            public void personality(String bundle, String name, OSDictionary table) {
                personalities.add(new Personality(bundle, name, table, personalities.size()));
            }

            @Override
            public void infoPlist(InputStream in, String resourceName) throws IOException {
                if (in == null) {
                    throw new IOException("missing resource " + resourceName);
                }
                OSObject root;
                try (in) {
                    root = XmlPlistReader.read(in.readAllBytes(), resourceName, ParseLimits.DEFAULT);
                } catch (SnapshotException e) {
                    throw new IOException(e.getMessage(), e);
                }
                if (!(root instanceof OSDictionary info)
                        || !(info.get("IOKitPersonalities") instanceof OSDictionary p)) {
                    throw new IOException(resourceName + ": not an Info.plist with IOKitPersonalities");
                }
                String bundle = str(info.get("CFBundleIdentifier"));
                for (int i = 0; i < p.size(); i++) {
                    if (p.valueAt(i) instanceof OSDictionary t) {
                        String own = str(t.get("CFBundleIdentifier"));
                        personality(own != null ? own : bundle == null ? info.toString() : bundle, p.keyAt(i), t);
                    } else {
                        problems.add(resourceName + ": personality \"" + p.keyAt(i) + "\" is not a dictionary");
                    }
                }
            }

            @Override
            public void table(String kind, String className, OSObject table) {
                tables.add(new Table(info.id(), kind, className, table));
            }

            @Override
            public void hotPlugSlot(HotPlugSlot slot) {
                slots.putIfAbsent(slot.slotClass(), slot);
            }

            @Override
            public void paletteDevice(PaletteDevice device) {
                palette.add(device);
            }

            @Override
            public void unregisteredDriver(String className) {
                unregistered.add(className);
            }
        };
    }

    private static String str(OSObject v) {
        return v instanceof OSString s ? s.value()
                : v instanceof OSSymbol y ? y.value() : null;
    }

    public Map<String, DeviceModel> models() {
        return models;
    }

    public Map<String, DriverBehavior> behaviors() {
        return behaviors;
    }

    public List<ClassEntry> classes() {
        return classes;
    }

    public List<Personality> personalities() {
        return personalities;
    }

    /** Tables of one kind ("power", "methods", "ioreport"), for the feature that consumes them. */
    public List<Table> tables(String kind) {
        return tables.stream().filter(t -> t.kind().equals(kind)).toList();
    }

    /** Hot-plug slots by the slot entry's class. */
    public Map<String, HotPlugSlot> slots() {
        return slots;
    }

    /** Whether a driver class registers itself at the end of start (all but those declared unregistered). */
    public boolean registersItself(String className) {
        return !unregistered.contains(className);
    }

    /** Ready-made devices for hot-plug, in family order. */
    public List<PaletteDevice> palette() {
        return palette;
    }

    /** Conflicts and failed registrations, in words. */
    public List<String> problems() {
        return problems;
    }
}
