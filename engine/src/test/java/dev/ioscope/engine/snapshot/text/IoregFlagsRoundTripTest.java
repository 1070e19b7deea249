package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader takes back whatever the printer prints with ioreg's flags (except -f and clipping -w, whose output
 * is for eyes, not for reading): print the real MacBookPro8,1 registry with the flags, read it, write it again.
 */
class IoregFlagsRoundTripTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "l", "lx", "li", "lb", "c:IOPCIDevice", "k:IOPCIExpressLinkStatus", "n:IOResources",
            "rc:IOPCIDevice", "rlc:IOUSBDevice", "ld:3", "x", "i"})
    void printedDumpsReadBackToTheSameText(String flags) throws Exception {
        Snapshot s = Snapshots.load(TestData.path("snapshots/MacBookPro8-1.IOService.txt"));
        IoregOptions o = IoregTextWriter.optionsFor(s).withList(false);
        String arg = flags.contains(":") ? flags.substring(flags.indexOf(':') + 1) : null;
        for (char c : (flags.contains(":") ? flags.substring(0, flags.indexOf(':')) : flags).toCharArray()) {
            o = switch (c) {
                case 'l' -> o.withList(true);
                case 'x' -> o.withHex(true);
                case 'i' -> o.withInheritance(true);
                case 'b' -> o.withBold(true);
                case 'r' -> o.withRoot(true);
                case 'c' -> o.withClassName(arg);
                case 'k' -> o.withKey(arg);
                case 'n' -> o.withName(arg);
                case 'd' -> o.withDepth(Integer.parseInt(arg));
                default -> throw new IllegalArgumentException(flags);
            };
        }
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        IoregPrinter.print(s.registry(), o, first);
        Snapshot back = new IoregTextReader().read(first.toByteArray(), flags, ParseLimits.DEFAULT, "IOService");
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        new IoregTextWriter().write(back, second);
        assertThat(second.toString(StandardCharsets.ISO_8859_1)).isEqualTo(first.toString(StandardCharsets.ISO_8859_1));
    }
}
