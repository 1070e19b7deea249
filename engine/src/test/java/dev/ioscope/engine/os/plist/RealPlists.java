package dev.ioscope.engine.os.plist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Real property plists cut out of {@code snapshots/iMac16-1.ioreg} (IORegistryExplorer keeps each entry's
 * property table as the bytes of a CoreFoundation-written XML plist), saved as test resources.
 */
final class RealPlists {
    static final List<String> NAMES = List.of(
            "AppleACPIPlatformExpert-AppleACPIPlatformExpert.plist",
            "AppleHDAController-AppleHDAController.plist",
            "AppleSMC-AppleSMC.plist",
            "IOAHCIBlockStorageDevice-IOAHCIBlockStorageDevice.plist",
            "IOHIDInterface-IOHIDInterface.plist",
            "IOMedia-JetFlash_Transcend_64GB_Media.plist",
            "IOPCIDevice-XHC1.plist",
            "IOPMrootDomain-IOPMrootDomain.plist",
            "IOPlatformExpertDevice-iMac16_1.plist",
            "large-Root.plist");

    private RealPlists() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = RealPlists.class.getResourceAsStream("/plist/real/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
