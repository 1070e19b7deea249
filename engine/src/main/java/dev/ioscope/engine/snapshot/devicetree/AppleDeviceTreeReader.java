package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.SnapshotReader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;

/**
 * Reads Apple's device tree as iBoot hands it to XNU (pexpert/device_tree.h): little-endian; a node is
 * {@code {nProperties u32, nChildren u32}}, then its properties, each a 32-byte NUL-padded name, a u32 length
 * whose bit 31 marks a placeholder iBoot fills in, and the value padded to 4 bytes; then its children.
 * Entries are named as XNU's MakeReferenceTable names them (see {@link DeviceTreeRegistry.Naming#APPLE}).
 *
 * <p>The layout has no magic number, so a file is only taken as one when its name says so and its first
 * node parses as a plausible node; this reader sits last in the sniffing order.
 */
public final class AppleDeviceTreeReader implements SnapshotReader {
    static final int NAME_LENGTH = 32;
    static final int PLACEHOLDER = 0x80000000;
    private static final int MAX_SNIFF_COUNT = 4096;

    @Override
    public SnapshotFormat format() {
        return SnapshotFormat.APPLE_DEVICE_TREE;
    }

    @Override
    public boolean sniff(byte[] head, String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean named = SnapshotFormat.fromExtension(lower).orElse(null) == SnapshotFormat.APPLE_DEVICE_TREE
                || lower.startsWith("devicetree");
        if (named && container(head) != null) {
            return true; // taken only to say what to do with it
        }
        if (!named || head.length < 8 + NAME_LENGTH + 4) {
            return false;
        }
        long nProps = le32(head, 0);
        long nChildren = le32(head, 4);
        if (nProps < 1 || nProps > MAX_SNIFF_COUNT || nChildren > MAX_SNIFF_COUNT) {
            return false;
        }
        // Every property that fits in the head must have a printable NUL-terminated name and a sane length.
        int p = 8;
        for (long i = 0; i < nProps && p + NAME_LENGTH + 4 <= head.length; i++) {
            if (!plausibleName(head, p)) {
                return false;
            }
            long len = le32(head, p + NAME_LENGTH) & ~PLACEHOLDER & 0xffffffffL;
            if (len > (1 << 24)) {
                return false;
            }
            p += NAME_LENGTH + 4 + (int) ((len + 3) & ~3L);
        }
        return true;
    }

    private static boolean plausibleName(byte[] b, int p) {
        if (b[p] == 0) {
            return false;
        }
        for (int i = 0; i < NAME_LENGTH; i++) {
            int c = b[p + i] & 0xff;
            if (c == 0) {
                return true;
            }
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return false;
    }

    /**
     * "IM4P" or "IMG4" when the bytes are the DER container firmware images wrap the tree in: a SEQUENCE whose
     * first element is the IA5String tag (16 04 'I' 'M' '4' 'P'), within the first bytes.
     */
    static String container(byte[] head) {
        if (head.length < 8 || (head[0] & 0xff) != 0x30) {
            return null;
        }
        for (int i = 1; i + 6 <= Math.min(head.length, 12); i++) {
            if (head[i] == 0x16 && head[i + 1] == 4) {
                String tag = new String(head, i + 2, 4, StandardCharsets.ISO_8859_1);
                if (tag.equals("IM4P") || tag.equals("IMG4")) {
                    return tag;
                }
            }
        }
        return null;
    }

    @Override
    public Snapshot read(byte[] data, String name, ParseLimits limits) throws SnapshotException {
        String container = container(data);
        if (container != null) {
            throw new SnapshotException(name, "offset 0", "this is an " + container + " container, not a raw"
                    + " device tree: extract its (possibly LZFSE-compressed) payload first, e.g. with img4tool -e");
        }
        DtNode top = new DtNode("");
        Deque<Pending> stack = new ArrayDeque<>();
        int p = readNode(data, 0, top, name, limits);
        long count = top.properties.size();
        stack.push(new Pending(top, le32(data, 4)));
        while (!stack.isEmpty()) {
            Pending parent = stack.peek();
            if (parent.remaining == 0) {
                stack.pop();
                continue;
            }
            parent.remaining--;
            if (stack.size() >= limits.maxDepth()) {
                throw new SnapshotException(name, "offset " + p, "nodes nested deeper than " + limits.maxDepth());
            }
            DtNode child = parent.node.addChild(new DtNode(""));
            int nodeAt = p;
            p = readNode(data, p, child, name, limits);
            count += 1 + child.properties.size();
            if (count > limits.maxCount()) {
                throw new SnapshotException(name, "offset " + nodeAt, "more than " + limits.maxCount()
                        + " nodes and properties");
            }
            stack.push(new Pending(child, le32(data, nodeAt + 4)));
        }
        for (int i = p; i < data.length; i++) {
            if (data[i] != 0) {
                throw new SnapshotException(name, "offset " + i, (data.length - p)
                        + " bytes follow the end of the device tree");
            }
        }
        return new Snapshot(DeviceTreeRegistry.build(top, DeviceTreeRegistry.Naming.APPLE),
                SnapshotFormat.APPLE_DEVICE_TREE, null, name);
    }

    /** Reads a node header and its properties at {@code p}; returns the offset after them. */
    private static int readNode(byte[] d, int p, DtNode node, String file, ParseLimits limits)
            throws SnapshotException {
        if (p + 8L > d.length) {
            throw new SnapshotException(file, "offset " + p, "node header runs past the end of the file");
        }
        long nProps = le32(d, p);
        long nChildren = le32(d, p + 4);
        // Each property takes at least 36 bytes and each child node 8: counts beyond that cannot be true.
        if (nProps > (d.length - p - 8L) / (NAME_LENGTH + 4) || nChildren > (d.length - p - 8L) / 8) {
            throw new SnapshotException(file, "offset " + p, "node claims " + nProps + " properties and "
                    + nChildren + " children, more than the file can hold");
        }
        int q = p + 8;
        for (long i = 0; i < nProps; i++) {
            if (q + NAME_LENGTH + 4L > d.length) {
                throw new SnapshotException(file, "offset " + q, "property header runs past the end of the file");
            }
            int nul = 0;
            while (nul < NAME_LENGTH && d[q + nul] != 0) {
                nul++;
            }
            if (nul == NAME_LENGTH) {
                throw new SnapshotException(file, "offset " + q, "property name is not NUL-terminated in 32 bytes");
            }
            String propName = new String(d, q, nul, StandardCharsets.ISO_8859_1);
            long word = le32(d, q + NAME_LENGTH);
            boolean placeholder = (word & PLACEHOLDER) != 0;
            long len = word & ~(long) PLACEHOLDER & 0xffffffffL;
            q += NAME_LENGTH + 4;
            if (len > d.length - q) {
                throw new SnapshotException(file, "offset " + (q - 4), "property '" + propName + "' of " + len
                        + " bytes runs past the end of the file");
            }
            if (len > limits.maxStringBytes()) {
                throw new SnapshotException(file, "offset " + (q - 4), "property value over the size limit");
            }
            DtProperty prop = new DtProperty(propName, Arrays.copyOfRange(d, q, q + (int) len));
            prop.placeholder = placeholder;
            node.addProperty(prop);
            q = (int) Math.min(d.length, (q + len + 3) & ~3L);
        }
        return q;
    }

    static long le32(byte[] b, int p) {
        return (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24;
    }

    private static final class Pending {
        final DtNode node;
        long remaining;

        Pending(DtNode node, long remaining) {
            this.node = node;
            this.remaining = remaining;
        }
    }
}
