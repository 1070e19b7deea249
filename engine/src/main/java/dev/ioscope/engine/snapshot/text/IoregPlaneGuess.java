package dev.ioscope.engine.snapshot.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses the plane of an ioreg dump, which does not name it. In IODeviceTree the platform expert device is
 * named "/" (or "device-tree" on old systems) and its children are "chosen", "efi", "options"…; in IOACPIPlane
 * the root's child is the ACPI namespace root (an IOACPIPlatformDevice); in IOPower it is IOPMrootDomain.
 * Otherwise IOService, ioreg's default plane.
 */
final class IoregPlaneGuess {
    private static final Pattern TOP = Pattern.compile("(?m)^  \\+-o (.*?)  <class ([^,>:]*(?::[^,>:]*)*)");

    private IoregPlaneGuess() {
    }

    static String guess(String text) {
        Matcher m = TOP.matcher(text);
        int seen = 0;
        while (m.find() && seen++ < 64) {
            String name = m.group(1).replaceAll("\033[\\[(][0-9;]*[A-Za-z]", "");
            String cls = m.group(2).substring(m.group(2).lastIndexOf(':') + 1);
            int at = name.indexOf('@');
            String bare = at < 0 ? name : name.substring(0, at);
            if (bare.equals("/") || bare.equals("device-tree")) {
                return "IODeviceTree";
            }
            if (cls.equals("IOACPIPlatformDevice")) {
                return "IOACPIPlane";
            }
            if (cls.equals("IOPMrootDomain")) {
                return "IOPower";
            }
        }
        return "IOService";
    }
}
