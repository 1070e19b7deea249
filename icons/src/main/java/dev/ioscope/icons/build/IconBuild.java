package dev.ioscope.icons.build;

import dev.ioscope.icons.IconSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run by the build (exec-maven-plugin, phase process-classes): renders the SVG source to every size in
 * {@link IconSet#SIZES} and writes
 * <ul>
 *   <li>{@code <classes>/dev/ioscope/icons/ioscope-<size>.png}: the set the app loads for its windows;</li>
 *   <li>{@code <platform>/ioscope.ico} (Windows), {@code ioscope.icns} (macOS), {@code ioscope.png} (Linux,
 *       512 px): what jpackage takes as {@code --icon} on each platform.</li>
 * </ul>
 * Sizes up to {@value #SMALL_MAX} px come from {@code ioscope-small.svg}: the same picture with fewer, bolder
 * shapes, because the full drawing's thin branches blur to grey at 16 px.
 *
 * <p>Usage: {@code IconBuild <svg dir> <classes dir> <platform dir>}.
 */
public final class IconBuild {
    static final int SMALL_MAX = 32;
    static final List<Integer> ICO_SIZES = List.of(16, 20, 24, 32, 40, 48, 64, 96, 256);
    static final int LINUX_SIZE = 512;

    private IconBuild() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: IconBuild <svg dir> <classes dir> <platform dir>");
        }
        Path svgDir = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        Path platform = Path.of(args[2]);
        SvgRaster full = new SvgRaster(svgDir.resolve("ioscope.svg"));
        SvgRaster small = new SvgRaster(svgDir.resolve("ioscope-small.svg"));

        Map<Integer, Png> bySize = new LinkedHashMap<>();
        for (int size : IconSet.SIZES) {
            Png png = Png.encode((size <= SMALL_MAX ? small : full).render(size));
            bySize.put(size, png);
            write(classes.resolve(IconSet.resourceName(size)), png.bytes());
        }
        write(platform.resolve("ioscope.ico"), IcoWriter.write(ICO_SIZES.stream().map(bySize::get).toList()));
        write(platform.resolve("ioscope.icns"), IcnsWriter.write(bySize));
        write(platform.resolve("ioscope.png"), bySize.get(LINUX_SIZE).bytes());
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
