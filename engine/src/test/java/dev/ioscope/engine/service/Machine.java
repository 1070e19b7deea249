package dev.ioscope.engine.service;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.service.family.FamilyMatchers;

import java.nio.charset.StandardCharsets;

/** A tiny hand-built machine for rule tests: platform expert, IOResources, and nubs added by the test. */
public final class Machine {
    public final IORegistry reg = IORegistry.create();
    public final IORegistryPlane service = reg.plane(IORegistryPlane.IOSERVICE);
    public final IORegistryEntry expert;
    public final IORegistryEntry resources;
    public final IOCatalogue catalogue = new IOCatalogue();

    public Machine() {
        expert = reg.createEntry("IOPlatformExpertDevice", "Mac");
        reg.attach(expert, reg.root(), service);
        resources = nub(expert, "IOResources", "IOResources");
        resources.setProperty("IOKit", OSString.of("IOService"));
    }

    public IORegistryEntry nub(IORegistryEntry parent, String cls, String name, Object... props) {
        IORegistryEntry e = reg.createEntry(cls, name);
        e.setProperties(dict(props));
        reg.attach(e, parent, service);
        return e;
    }

    public Personality add(String name, Object... props) {
        Personality p = new Personality("com.example.test", name, dict(props), catalogue.size());
        catalogue.add(p);
        return catalogue.personalities().get(catalogue.size() - 1);
    }

    public MatchEngine engine() {
        return new MatchEngine(catalogue, FamilyMatchers.standardContext(reg));
    }

    public MatchingTrace explain(IORegistryEntry nub, Personality p) {
        return engine().explain(nub, p);
    }

    /** Alternating keys and values; Java values become OS values (Integer → 32-bit OSNumber, String → OSString). */
    public static OSDictionary dict(Object... kv) {
        OSDictionary.Builder b = OSDictionary.builder();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            b.put((String) kv[i], os(kv[i + 1]));
        }
        return b.build();
    }

    public static OSObject os(Object v) {
        if (v instanceof OSObject o) {
            return o;
        }
        if (v instanceof String s) {
            return OSString.of(s);
        }
        if (v instanceof Integer i) {
            return OSNumber.of32(i);
        }
        if (v instanceof Long l) {
            return OSNumber.of64(l);
        }
        if (v instanceof Boolean b) {
            return OSBoolean.of(b);
        }
        if (v instanceof Object[] a) {
            OSObject[] items = new OSObject[a.length];
            for (int i = 0; i < a.length; i++) {
                items[i] = os(a[i]);
            }
            return OSArray.of(items);
        }
        throw new IllegalArgumentException(String.valueOf(v));
    }

    /** OSData holding NUL-terminated strings, as device-tree/ACPI string lists are. */
    public static OSData strings(String... s) {
        StringBuilder sb = new StringBuilder();
        for (String x : s) {
            sb.append(x).append('\0');
        }
        return OSData.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A little-endian 32-bit OSData, as IOPCIFamily publishes IDs. */
    public static OSData le32(long v) {
        return OSData.wrap(new byte[]{(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
    }
}
