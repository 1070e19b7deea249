package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSSymbol;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

/** ioreg.c compare(): the -c / -k / -n test, shared by the text printer and the -a archive. */
final class IoregMatch {
    private IoregMatch() {
    }

    /** Every given criterion must hold, and at least one must be given. */
    static boolean matches(IORegistry registry, IORegistryPlane plane, IoregOptions options, IORegistryEntry e) {
        boolean match = false;
        if (options.className() != null) {
            // _IOObjectConformsTo, then (without -y) a DriverKit service whose IOUserClasses lists the class
            if (!registry.classes().conformsTo(e, options.className()) && !userClassMatch(options, e)) {
                return false;
            }
            match = true;
        }
        if (options.key() != null) {
            if (e.property(options.key()) == null) {
                return false;
            }
            match = true;
        }
        if (options.name() != null) {
            // with an '@' in -n, ioreg compares name@location (name@ when there is no location)
            String n = e.name(plane);
            if (options.name().indexOf('@') >= 0) {
                String loc = e.location(plane);
                n = n + "@" + (loc == null ? "" : loc);
            }
            if (!options.name().equals(n)) {
                return false;
            }
            match = true;
        }
        return match;
    }

    private static boolean userClassMatch(IoregOptions options, IORegistryEntry e) {
        if (options.noUserClasses() || !(e.property("IOUserClasses") instanceof OSArray a)) {
            return false;
        }
        for (OSObject o : a.items()) {
            String s = o instanceof OSString str ? str.value() : o instanceof OSSymbol sym ? sym.value() : null;
            if (options.className().equals(s)) {
                return true;
            }
        }
        return false;
    }
}
