package dev.ioscope.icons.build;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.view.ViewBox;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Renders one SVG file to square ARGB bitmaps with Java2D (through JSVG, so the SVG stays the only geometry). */
final class SvgRaster {
    private final SVGDocument document;

    SvgRaster(Path svg) throws IOException {
        try (InputStream in = Files.newInputStream(svg)) {
            SVGDocument doc = new SVGLoader().load(in, svg.toUri(), LoaderContext.createDefault());
            if (doc == null) {
                throw new IOException(svg + ": not a renderable SVG document");
            }
            this.document = doc;
        }
    }

    BufferedImage render(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            // PURE: shapes land where the geometry says, not snapped to pixels (which shifts small icons unevenly).
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            document.render(null, g, new ViewBox(0, 0, size, size));
        } finally {
            g.dispose();
        }
        return image;
    }
}
