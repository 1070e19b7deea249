package dev.ioscope.engine.snapshot.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * ioreg's print()/println() pair (ioreg.c printva): with a width, each print call is vsnprintf'd into the space
 * left on the line, newlines in what it prints become spaces, and println adds {@code $} when anything was cut.
 * Without a width (0) text passes through untouched, newlines and all. Works on bytes, as C's printf does:
 * the width counts bytes, not characters. Bold escapes go through tputs/putchar and take no width.
 */
final class IoregLine {
    private final OutputStream out;
    private final int width;
    private int left;
    private boolean clipped;

    IoregLine(OutputStream out, int width) {
        this.out = out;
        this.width = width;
        this.left = width;
    }

    void print(String s) throws IOException {
        print(s.getBytes(StandardCharsets.UTF_8));
    }

    void print(byte[] b) throws IOException {
        if (width == 0) {
            out.write(b);
            return;
        }
        int count = b.length;
        int room = left - 1;
        int n = Math.min(count, room);
        for (int i = 0; i < n; i++) {
            out.write(b[i] == '\n' ? ' ' : b[i]);
        }
        if (count >= left) {
            count = left - 1;
            clipped = true;
        }
        left -= count;
    }

    void printByte(int b) throws IOException {
        print(new byte[] {(byte) b});
    }

    /** Terminal control output (bold on/off): written as is, outside the width accounting. */
    void raw(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    void println(String s) throws IOException {
        print(s);
        println();
    }

    void println() throws IOException {
        if (clipped) {
            out.write('$');
        }
        out.write('\n');
        clipped = false;
        left = width;
    }
}
