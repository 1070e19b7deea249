package dev.ioscope.engine.snapshot.text;

import java.util.Objects;

/**
 * The options of Apple's {@code ioreg} (IOKitTools, ioreg.tproj/ioreg.c: getopt string
 * {@code ":abc:d:fik:ln:p:rsStw:xy"}) that shape its text output, plus three switches a snapshot needs to
 * reproduce an older or unusual dump byte for byte.
 *
 * @param archive       {@code -a}: XML plist output (written by the IOREG_XML writer, not by {@link IoregPrinter})
 * @param bold          {@code -b}: object names in bold (termcap md/me)
 * @param className     {@code -c}: list properties of objects that conform to this class (null: none)
 * @param depth         {@code -d}: limit the tree to this depth (0: unlimited)
 * @param format        {@code -f}: "smart" formatting of device-tree data (reg, ranges, interrupts, hex dumps)
 * @param inheritance   {@code -i}: print the class chain (IORegistryEntry:IOService:Leaf) instead of the class
 * @param key           {@code -k}: list properties of objects that have this property (null: none)
 * @param list          {@code -l}: list properties of all objects
 * @param name          {@code -n}: list properties of objects with this name, or name@location (null: none)
 * @param plane         {@code -p}: the plane to traverse (IOService is ioreg's default)
 * @param root          {@code -r}: print only the subtrees rooted at objects matching -c/-k/-n
 * @param tree          {@code -t}: with -r, also print each match's parents
 * @param width         {@code -w}: clip lines to this width, 0 = unlimited. ioreg's own default is the
 *                      terminal's width when stdout is a tty, else 0; for a snapshot we default to 0
 * @param hex           {@code -x}: numbers as 0x%qx, data always as hex bytes
 * @param noUserClasses {@code -y}: with -c, do not match DriverKit classes listed in IOUserClasses
 * @param showIds       print the {@code id 0x…} field (ioreg 78 and later); false reproduces older dumps
 * @param setBrackets   print OSSets as {@code [a,b]} as ioreg did before it turned sets into arrays;
 *                      false (modern ioreg) prints them as {@code (a,b)}
 * @param replay        print the property blocks and per-occurrence values a loaded dump recorded
 *                      (see {@link IoregTextInfo}); the writer sets it, interactive printing leaves it off
 */
public record IoregOptions(boolean archive, boolean bold, String className, int depth, boolean format,
                           boolean inheritance, String key, boolean list, String name, String plane, boolean root,
                           boolean tree, int width, boolean hex, boolean noUserClasses, boolean showIds,
                           boolean setBrackets, boolean replay) {

    /** {@code ioreg} with no flags, on an unlimited width. */
    public static final IoregOptions DEFAULT = new IoregOptions(false, false, null, 0, false, false, null, false,
            null, "IOService", false, false, 0, false, false, true, false, false);

    public IoregOptions {
        Objects.requireNonNull(plane, "plane");
        if (depth < 0 || width < 0) {
            throw new IllegalArgumentException("depth and width must not be negative");
        }
    }

    /** True when -c, -k or -n is given: the criteria ioreg's compare() tests. */
    public boolean hasCriteria() {
        return className != null || key != null || name != null;
    }

    public IoregOptions withList(boolean v) {
        return new IoregOptions(archive, bold, className, depth, format, inheritance, key, v, name, plane, root,
                tree, width, hex, noUserClasses, showIds, setBrackets, replay);
    }

    public IoregOptions withPlane(String v) {
        return new IoregOptions(archive, bold, className, depth, format, inheritance, key, list, name, v, root,
                tree, width, hex, noUserClasses, showIds, setBrackets, replay);
    }

    public IoregOptions withWidth(int v) {
        return new IoregOptions(archive, bold, className, depth, format, inheritance, key, list, name, plane, root,
                tree, v, hex, noUserClasses, showIds, setBrackets, replay);
    }

    public IoregOptions withHex(boolean v) {
        return new IoregOptions(archive, bold, className, depth, format, inheritance, key, list, name, plane, root,
                tree, width, v, noUserClasses, showIds, setBrackets, replay);
    }

    public IoregOptions withClassName(String v) {
        return new IoregOptions(archive, bold, v, depth, format, inheritance, key, list, name, plane, root,
                tree, width, hex, noUserClasses, showIds, setBrackets, replay);
    }

    public IoregOptions withName(String v) {
        return new IoregOptions(archive, bold, className, depth, format, inheritance, key, list, v, plane, root,
                tree, width, hex, noUserClasses, showIds, setBrackets, replay);
    }

    public IoregOptions withKey(String v) {
        return new IoregOptions(archive, bold, className, depth, format, inheritance, v, list, name, plane, root,
                tree, width, hex, noUserClasses, showIds, setBrackets, replay);
    }

    public IoregOptions withDepth(int v) {
        return new IoregOptions(archive, bold, className, v, format, inheritance, key, list, name, plane, root,
                tree, width, hex, noUserClasses, showIds, setBrackets, replay);
    }

    public IoregOptions withRoot(boolean v) {
        return new IoregOptions(archive, bold, className, depth, format, inheritance, key, list, name, plane, v,
                tree, width, hex, noUserClasses, showIds, setBrackets, replay);
    }

    public IoregOptions withTree(boolean v) {
        return new IoregOptions(archive, bold, className, depth, format, inheritance, key, list, name, plane, root,
                v, width, hex, noUserClasses, showIds, setBrackets, replay);
    }

    public IoregOptions withBold(boolean v) {
        return new IoregOptions(archive, v, className, depth, format, inheritance, key, list, name, plane, root,
                tree, width, hex, noUserClasses, showIds, setBrackets, replay);
    }

    public IoregOptions withFormat(boolean v) {
        return new IoregOptions(archive, bold, className, depth, v, inheritance, key, list, name, plane, root,
                tree, width, hex, noUserClasses, showIds, setBrackets, replay);
    }

    public IoregOptions withInheritance(boolean v) {
        return new IoregOptions(archive, bold, className, depth, format, v, key, list, name, plane, root,
                tree, width, hex, noUserClasses, showIds, setBrackets, replay);
    }

    public IoregOptions withArchive(boolean v) {
        return new IoregOptions(v, bold, className, depth, format, inheritance, key, list, name, plane, root,
                tree, width, hex, noUserClasses, showIds, setBrackets, replay);
    }

    public IoregOptions withNoUserClasses(boolean v) {
        return new IoregOptions(archive, bold, className, depth, format, inheritance, key, list, name, plane, root,
                tree, width, hex, v, showIds, setBrackets, replay);
    }

    public IoregOptions withShowIds(boolean v) {
        return new IoregOptions(archive, bold, className, depth, format, inheritance, key, list, name, plane, root,
                tree, width, hex, noUserClasses, v, setBrackets, replay);
    }

    public IoregOptions withSetBrackets(boolean v) {
        return new IoregOptions(archive, bold, className, depth, format, inheritance, key, list, name, plane, root,
                tree, width, hex, noUserClasses, showIds, v, replay);
    }

    public IoregOptions withReplay(boolean v) {
        return new IoregOptions(archive, bold, className, depth, format, inheritance, key, list, name, plane, root,
                tree, width, hex, noUserClasses, showIds, setBrackets, v);
    }
}
