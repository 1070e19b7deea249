package dev.ioscope.engine.service;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSSymbol;

import java.util.Optional;

/** What a personality says about its dext, read the way IOService.cpp reads it. */
public final class DextPersonality {
    private DextPersonality() {
    }

    /** DK1: probeCandidates' isDext: the personality holds IOUserServerName, whatever its type. */
    public static boolean isDext(Personality p) {
        return p.table().get(DriverKitKeys.IO_USER_SERVER_NAME) != null;
    }

    /** IOUserServerName when it is a string (startCandidate's OSDynamicCast(OSString, ...)). */
    public static Optional<String> serverName(OSDictionary table) {
        return string(table.get(DriverKitKeys.IO_USER_SERVER_NAME));
    }

    /** IOUserClass when it is a string. */
    public static Optional<String> userClass(OSDictionary table) {
        return string(table.get(DriverKitKeys.IO_USER_CLASS));
    }

    /** DK5: IOUserServerOneProcess counts by its presence (propertyExists), whatever its value. */
    public static boolean oneProcess(OSDictionary table) {
        return table.get(DriverKitKeys.IO_USER_SERVER_ONE_PROCESS) != null;
    }

    /**
     * DK6: IOUserServer::launchUserServer shares a server only when the server name starts with the bundle
     * identifier's organisation, its first two dot-separated components and the dot after them ("com.apple.").
     */
    public static boolean sameOrganization(String bundleId, String serverName) {
        if (bundleId == null) {
            return false;
        }
        int first = bundleId.indexOf('.');
        int second = first < 0 ? -1 : bundleId.indexOf('.', first + 1);
        return second >= 0 && serverName.startsWith(bundleId.substring(0, second + 1));
    }

    /**
     * What starting a dext personality does, in words, for the matching view and {@code match --explain}; empty
     * for a kext personality.
     */
    public static Optional<KeyVerdict> explainStart(Personality p) {
        if (!isDext(p)) {
            return Optional.empty();
        }
        OSDictionary t = p.table();
        Optional<String> server = serverName(t);
        if (server.isEmpty()) {
            return Optional.of(KeyVerdict.note(DriverKitKeys.IO_USER_SERVER_NAME, "is not a string: a dext "
                    + "personality, but no IOUserServer is launched; " + p.ioClass() + " starts alone"));
        }
        String name = userClass(t).map(c -> "named " + c + " (IOUserClass)").orElse("not renamed (no IOUserClass)");
        String hosting = oneProcess(t)
                ? (sameOrganization(p.bundle(), server.get()) ? "shares the running " + server.get()
                + " server if there is one (IOUserServerOneProcess)" : "gets its own server: IOUserServerOneProcess "
                + "is ignored, the server name is not of " + p.bundle() + "'s organisation")
                : "gets its own IOUserServer(" + server.get() + "-0x<entry ID>)";
        return Optional.of(KeyVerdict.note(DriverKitKeys.IO_USER_SERVER_NAME + " " + server.get(), "a dext: the "
                + p.ioClass() + " service is " + name + " and " + hosting));
    }

    /** An OSString's or OSSymbol's text, else empty. */
    public static Optional<String> string(OSObject v) {
        if (v instanceof OSString s) {
            return Optional.of(s.value());
        }
        if (v instanceof OSSymbol s) {
            return Optional.of(s.value());
        }
        return Optional.empty();
    }
}
