package dev.ioscope.icons;

import java.net.URL;
import java.util.List;

/**
 * The application icon as the build ships it on the class path: {@code dev/ioscope/icons/ioscope-<size>.png},
 * one square PNG per size, all rendered from the one SVG source ({@code icons/src/main/svg/ioscope.svg}).
 */
public final class IconSet {
    /** Every size rendered: the Windows shell's sizes (16..256), the macOS ones (16..1024) and the freedesktop ones. */
    public static final List<Integer> SIZES = List.of(16, 20, 24, 32, 40, 48, 64, 96, 128, 256, 512, 1024);

    /** The sizes worth handing a window: title bars, task switchers and docks pick the nearest one. */
    public static final List<Integer> WINDOW_SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private IconSet() {
    }

    /** The class path name of the PNG of one size, e.g. {@code dev/ioscope/icons/ioscope-32.png}. */
    public static String resourceName(int size) {
        return "dev/ioscope/icons/ioscope-" + size + ".png";
    }

    /** The PNG of one size, or null if the size is not in {@link #SIZES}. */
    public static URL resource(int size) {
        return IconSet.class.getClassLoader().getResource(resourceName(size));
    }
}
