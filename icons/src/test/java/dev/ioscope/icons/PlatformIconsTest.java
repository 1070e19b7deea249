package dev.ioscope.icons;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The containers jpackage takes as {@code --icon}, read back the way Windows and macOS read them: every
 * directory entry or element must point at a whole PNG of the size it claims, and the lengths must add up.
 */
class PlatformIconsTest {
    private static final Path DIR = Path.of(System.getProperty("ioscope.icons.platformDir", "target/platform-icons"));

    @Test
    void icoDirectoryNamesEachPngBySizeAndOffset() throws IOException {
        byte[] ico = Files.readAllBytes(DIR.resolve("ioscope.ico"));
        ByteBuffer b = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort()).as("ICONDIR reserved").isZero();
        assertThat(b.getShort()).as("ICONDIR type (1 = icon)").isEqualTo((short) 1);
        int count = b.getShort();
        List<Integer> sizes = new ArrayList<>();
        int expectedOffset = 6 + 16 * count;
        for (int i = 0; i < count; i++) {
            int w = Byte.toUnsignedInt(b.get());
            int h = Byte.toUnsignedInt(b.get());
            assertThat(b.get()).as("entry %d palette size", i).isZero();
            assertThat(b.get()).as("entry %d reserved", i).isZero();
            assertThat(b.getShort()).as("entry %d planes", i).isEqualTo((short) 1);
            assertThat(b.getShort()).as("entry %d bits per pixel", i).isEqualTo((short) 32);
            int length = b.getInt();
            int offset = b.getInt();
            assertThat(offset).as("entry %d offset (images packed in order)", i).isEqualTo(expectedOffset);
            expectedOffset += length;
            int side = w == 0 ? 256 : w;
            assertThat(h == 0 ? 256 : h).isEqualTo(side);
            PngHeader png = PngHeader.read(ico, offset, length);
            assertThat(png.width()).as("entry %d PNG width", i).isEqualTo(side);
            assertThat(png.height()).as("entry %d PNG height", i).isEqualTo(side);
            sizes.add(side);
        }
        assertThat(expectedOffset).as("ICO length").isEqualTo(ico.length);
        assertThat(sizes).containsExactly(16, 20, 24, 32, 40, 48, 64, 96, 256);
    }

    @Test
    void icnsElementsCoverTheFileAndCarryPngsOfTheirTypesSize() throws IOException {
        byte[] icns = Files.readAllBytes(DIR.resolve("ioscope.icns"));
        ByteBuffer b = ByteBuffer.wrap(icns); // big-endian, as Apple's IconFamily.h
        assertThat(type(b)).isEqualTo("icns");
        assertThat(b.getInt()).as("declared icns length").isEqualTo(icns.length);
        Map<String, Integer> found = new LinkedHashMap<>();
        while (b.remaining() > 0) {
            int start = b.position();
            String type = type(b);
            int length = b.getInt();
            assertThat(length).as("%s length", type).isGreaterThan(8).isLessThanOrEqualTo(icns.length - start);
            PngHeader png = PngHeader.read(icns, start + 8, length - 8);
            assertThat(png.height()).isEqualTo(png.width());
            found.put(type, png.width());
            b.position(start + length);
        }
        assertThat(found).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("icp4", 16), Map.entry("icp5", 32), Map.entry("icp6", 64), Map.entry("ic07", 128),
                Map.entry("ic08", 256), Map.entry("ic09", 512), Map.entry("ic10", 1024), Map.entry("ic11", 32),
                Map.entry("ic12", 64), Map.entry("ic13", 256), Map.entry("ic14", 512)));
    }

    @Test
    void linuxIconIsThe512PxPng() throws IOException {
        byte[] png = Files.readAllBytes(DIR.resolve("ioscope.png"));
        PngHeader h = PngHeader.read(png, 0, png.length);
        assertThat(h.width()).isEqualTo(512);
        assertThat(h.height()).isEqualTo(512);
    }

    private static String type(ByteBuffer b) {
        byte[] t = new byte[4];
        b.get(t);
        return new String(t, StandardCharsets.US_ASCII);
    }
}
