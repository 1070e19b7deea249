package dev.ioscope.engine.userclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random interleavings of kernel enqueue and client/kernel dequeue against a plain FIFO: whatever the wrap points,
 * every accepted entry comes out once, in order, unchanged; a refused enqueue only happens when the entry truly
 * does not fit by the DQ3/DQ4 rules; and head/tail always stay within 0..queueSize.
 */
class DataQueueProperties {
    @Provide
    Arbitrary<List<Integer>> ops() {
        // >= 0: enqueue an entry of that many bytes; -1: kernel dequeue; -2: client dequeue
        return Arbitraries.integers().between(-2, 40).list().ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 300)
    void queueBehavesAsAFifo(@ForAll("ops") List<Integer> ops, @ForAll("sizes") int queueSize) {
        IOSharedDataQueue q = IOSharedDataQueue.withCapacity(queueSize);
        IODataQueueClient c = new IODataQueueClient(q.getMemoryDescriptor().map());
        var m = q.getMemoryDescriptor().map();
        ArrayDeque<byte[]> model = new ArrayDeque<>();
        int counter = 0;
        for (int op : ops) {
            if (op >= 0) {
                byte[] data = new byte[op];
                Arrays.fill(data, (byte) counter++);
                long head = Integer.toUnsignedLong(m.getInt(4));
                long tail = Integer.toUnsignedLong(m.getInt(8));
                long entry = op + 4L;
                boolean fits = tail >= head ? tail + entry <= queueSize || head > entry : head - tail > entry;
                assertThat(q.enqueue(data, op)).isEqualTo(fits);
                if (fits) {
                    model.add(data);
                }
            } else {
                byte[] got = op == -1 ? q.dequeue(Integer.MAX_VALUE) : c.dequeue(Integer.MAX_VALUE).data();
                assertThat(got).isEqualTo(model.poll());
            }
            assertThat(Integer.toUnsignedLong(m.getInt(4))).isBetween(0L, (long) queueSize);
            assertThat(Integer.toUnsignedLong(m.getInt(8))).isBetween(0L, (long) queueSize);
            assertThat(c.dataAvailable()).isEqualTo(!model.isEmpty());
            IODataQueueView.State view = IODataQueueView.of(m);
            assertThat(view.corrupt()).isFalse();
            assertThat(view.entries()).extracting(IODataQueueView.Entry::size)
                    .containsExactlyElementsOf(model.stream().map(d -> d.length).toList());
        }
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.integers().between(8, 200);
    }
}
