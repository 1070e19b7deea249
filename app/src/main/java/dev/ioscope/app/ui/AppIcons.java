package dev.ioscope.app.ui;

import dev.ioscope.icons.IconSet;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * IOScope's icon on a window's title bar, task switcher and dock. Every stage the app opens calls
 * {@code AppIcons.apply(stage)} before {@code show()}; the platform picks the nearest of the sizes given.
 * The PNGs come from the {@code icons} module, rendered from its SVG by the build.
 */
public final class AppIcons {
    private AppIcons() {
    }

    /** Gives {@code stage} the application icon at every window size. */
    public static void apply(Stage stage) {
        stage.getIcons().setAll(Holder.IMAGES);
    }

    /**
     * The first window's way: the seven PNGs are decoded on a thread of their own while the window is built, and
     * set on {@code stage} on the FX thread once decoded, a frame or so after it shows (decoding them on the FX
     * thread cost the first window ~4 % of its FX thread; docs/benchmarks.md, "First window").
     */
    public static void applySoon(Stage stage) {
        Thread t = new Thread(() -> {
            List<Image> images = Holder.IMAGES;
            Platform.runLater(() -> stage.getIcons().setAll(images));
        }, "ioscope-icons");
        t.setDaemon(true);
        t.start();
    }

    /** The window icons, smallest first (loaded once, on first use). */
    public static List<Image> images() {
        return Holder.IMAGES;
    }

    private static final class Holder {
        static final List<Image> IMAGES = load();

        private static List<Image> load() {
            List<Image> images = new ArrayList<>();
            for (int size : IconSet.WINDOW_SIZES) {
                URL url = IconSet.resource(size);
                if (url != null) { // absent only in a broken build; a window without an icon still works
                    images.add(new Image(url.toExternalForm()));
                }
            }
            return List.copyOf(images);
        }
    }
}
