package dev.ioscope.icons.build;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One square rendering, encoded once as PNG and reused by every container that carries that size. */
record Png(int size, byte[] bytes) {
    static Png encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Png(image.getWidth(), out.toByteArray());
    }
}
