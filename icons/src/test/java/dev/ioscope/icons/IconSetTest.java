package dev.ioscope.icons;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/** The PNG set the build rendered onto the class path, as the app will load it. */
class IconSetTest {

    @Test
    void everySizeIsOnTheClassPathAsASquareArgbPng() throws IOException {
        for (int size : IconSet.SIZES) {
            URL url = IconSet.resource(size);
            assertThat(url).as("resource %s", IconSet.resourceName(size)).isNotNull();
            byte[] bytes;
            try (InputStream in = url.openStream()) {
                bytes = in.readAllBytes();
            }
            PngHeader h = PngHeader.read(bytes, 0, bytes.length);
            assertThat(h.width()).as("width of %d px icon", size).isEqualTo(size);
            assertThat(h.height()).as("height of %d px icon", size).isEqualTo(size);
            assertThat(h.colourType()).as("colour type (6 = RGBA) of %d px icon", size).isEqualTo(6);
        }
    }

    @Test
    void theTileIsOpaqueInsideAndTheCornersAreTransparent() throws IOException {
        for (int size : IconSet.SIZES) {
            BufferedImage img = ImageIO.read(IconSet.resource(size));
            assertThat(alpha(img, 0, 0)).as("top-left corner alpha at %d px", size).isZero();
            assertThat(alpha(img, size - 1, size - 1)).as("bottom-right corner alpha at %d px", size).isZero();
            // The tile's body: a point inside it but clear of the drawing is fully opaque.
            assertThat(alpha(img, size / 2, size / 8 + 1)).as("tile alpha at %d px", size).isEqualTo(255);
        }
    }

    @Test
    void theRenderingCarriesThePicturesColoursAtEverySize() throws IOException {
        // The root entry (teal) sits top-left and the enlarged entry (amber) in the lens: both must survive
        // down to 16 px, or the small cut lost its point.
        for (int size : IconSet.SIZES) {
            BufferedImage img = ImageIO.read(IconSet.resource(size));
            assertThat(countNear(img, 0x3fd0b6)).as("teal root entry pixels at %d px", size).isPositive();
            assertThat(countNear(img, 0xffc54d)).as("amber lens entry pixels at %d px", size).isPositive();
        }
    }

    @Test
    void windowSizesAreASubsetOfTheRenderedSizes() {
        assertThat(IconSet.SIZES).containsAll(IconSet.WINDOW_SIZES);
        assertThat(IconSet.resource(17)).isNull();
    }

    private static int alpha(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) >>> 24;
    }

    private static int countNear(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (p >>> 24 == 255 && near(p >> 16 & 255, rgb >> 16 & 255) && near(p >> 8 & 255, rgb >> 8 & 255)
                        && near(p & 255, rgb & 255)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean near(int a, int b) {
        return Math.abs(a - b) <= 12;
    }
}
