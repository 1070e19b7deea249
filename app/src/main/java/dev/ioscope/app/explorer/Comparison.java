package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.RegistryDiff;
import dev.ioscope.engine.registry.IORegistryEntry;

/** A comparison: the tree shows {@code after} and ghosts of what {@code before} had and after lacks. */
public record Comparison(Document before, Document after, RegistryDiff.Result diff) {

    /**
     * The entry of the other side that {@code e} stands for when the window switches to {@code shown} (the diff's
     * counterpart, or {@code e} itself when that side holds it), or null.
     */
    IORegistryEntry counterpart(IORegistryEntry e, Document shown) {
        if (e == null) {
            return null;
        }
        if (shown == after) {
            IORegistryEntry a = diff.after(e);
            return a != null ? a : (after.index().slotOf(e) >= 0 ? e : null);
        }
        IORegistryEntry b = diff.before(e);
        return b != null ? b : (before.index().slotOf(e) >= 0 ? e : null);
    }
}
