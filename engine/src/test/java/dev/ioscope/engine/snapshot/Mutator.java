package dev.ioscope.engine.snapshot;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Byte-level mutations for {@link ImporterFuzzTest}: bit flips, byte insertion and deletion, truncation, chunk
 * duplication, splicing two seeds, and overwriting with boundary integers (the values that break length and
 * offset checks). Deterministic for a given {@link Random}; {@link #log} says what was done, for a failure report.
 */
final class Mutator {
    private static final byte[] INTERESTING_BYTES = {0, 1, -1, 0x7f, (byte) 0x80, '{', '}', '<', '>', '"', '/', '&',
        '(', '\n', ';', '[', '\\'};
    private static final int[] INTERESTING_INTS = {0, 1, -1, 0x7fffffff, 0x80000000, 0xffff, 0x10000, 0xd00dfeed,
        16, 17, 40, 4096};
    private static final int MAX_SIZE = 2 * FuzzCorpus.WINDOW;

    private final Random random;
    private final List<FuzzCorpus.Seed> corpus;
    final StringBuilder log = new StringBuilder();

    Mutator(long seed, List<FuzzCorpus.Seed> corpus) {
        this.random = new Random(seed);
        this.corpus = corpus;
    }

    FuzzCorpus.Seed pick() {
        return corpus.get(random.nextInt(corpus.size()));
    }

    byte[] mutate(byte[] input, int rounds) {
        byte[] b = input;
        for (int i = 0; i < rounds; i++) {
            b = once(b);
            if (b.length > MAX_SIZE) {
                b = Arrays.copyOf(b, MAX_SIZE);
            }
        }
        return b;
    }

    private byte[] once(byte[] b) {
        int kind = random.nextInt(b.length == 0 ? 1 : 8);
        int pos = b.length == 0 ? 0 : random.nextInt(b.length);
        switch (kind) {
            case 0 -> { // insert
                byte v = random.nextBoolean() ? (byte) random.nextInt() : pickByte();
                log.append(" insert@").append(pos);
                byte[] out = new byte[b.length + 1];
                System.arraycopy(b, 0, out, 0, pos);
                out[pos] = v;
                System.arraycopy(b, pos, out, pos + 1, b.length - pos);
                return out;
            }
            case 1 -> { // bit flips
                byte[] out = b.clone();
                int n = 1 + random.nextInt(8);
                for (int i = 0; i < n; i++) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
                log.append(" flip").append(n);
                return out;
            }
            case 2 -> { // delete a run
                int len = Math.min(b.length - pos, 1 + random.nextInt(16));
                log.append(" delete@").append(pos).append('+').append(len);
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, pos);
                System.arraycopy(b, pos + len, out, pos, b.length - pos - len);
                return out;
            }
            case 3 -> { // truncate
                log.append(" truncate@").append(pos);
                return Arrays.copyOf(b, pos);
            }
            case 4 -> { // duplicate a chunk
                int len = Math.min(b.length - pos, 1 + random.nextInt(256));
                int at = random.nextInt(b.length + 1);
                log.append(" dup@").append(pos).append('+').append(len).append("->").append(at);
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, pos, out, at, len);
                System.arraycopy(b, at, out, at + len, b.length - at);
                return out;
            }
            case 5 -> { // splice: this file's head, another's tail
                byte[] other = pick().data();
                int from = other.length == 0 ? 0 : random.nextInt(other.length);
                log.append(" splice@").append(pos).append("<-").append(from);
                byte[] out = Arrays.copyOf(b, pos + other.length - from);
                System.arraycopy(other, from, out, pos, other.length - from);
                return out;
            }
            case 6 -> { // boundary integer, either byte order; often in a header word, where sizes and offsets live
                byte[] out = b.clone();
                if (random.nextInt(3) == 0) {
                    pos = Math.min(out.length - 1, 4 * random.nextInt(16));
                }
                int v = INTERESTING_INTS[random.nextInt(INTERESTING_INTS.length)];
                boolean big = random.nextBoolean();
                for (int i = 0; i < 4 && pos + i < out.length; i++) {
                    out[pos + i] = (byte) (big ? v >>> (24 - 8 * i) : v >>> (8 * i));
                }
                log.append(" int@").append(pos).append('=').append(Integer.toHexString(v));
                return out;
            }
            default -> { // interesting byte
                byte[] out = b.clone();
                out[pos] = pickByte();
                log.append(" byte@").append(pos);
                return out;
            }
        }
    }

    private byte pickByte() {
        return INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
    }
}
