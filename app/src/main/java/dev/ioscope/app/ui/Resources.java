package dev.ioscope.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;

/** Every bundled resource goes through here, so a missing one fails at once with its name. */
public final class Resources {
    private Resources() {
    }

    /** A resource relative to {@code dev/ioscope/app/}. */
    public static URL url(String relative) {
        URL u = Resources.class.getResource("/dev/ioscope/app/" + relative);
        if (u == null) {
            throw new IllegalStateException("missing bundled resource dev/ioscope/app/" + relative);
        }
        return u;
    }

    public static String css(String relative) {
        return url(relative).toExternalForm();
    }

    public static byte[] bytes(String relative) {
        try (InputStream in = url(relative).openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + relative, e);
        }
    }
}
