package dev.ioscope.engine.userclient;

import static dev.ioscope.engine.iokit.IOReturn.MACH_SEND_TIMED_OUT;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnError;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnNoSpace;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnOverrun;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnUnderrun;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Byte-exact checks of the IODataQueueMemory layout and of the enqueue/dequeue rules of IOSharedDataQueue.cpp
 * (kernel) and IODataQueueClient.c (user), on a 32-byte queue.
 */
class DataQueueLayoutTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String hex(IOSharedDataQueue q) {
        ByteBuffer m = q.getMemoryDescriptor().map();
        byte[] all = new byte[m.capacity()];
        m.get(all);
        return HexFormat.of().formatHex(all);
    }

    @Test

    @DisplayName("DQ1: header, queue area, appendix, little-endian")
    void memoryIsHeaderThenQueueThenAppendixLittleEndian() {
        IOSharedDataQueue q = IOSharedDataQueue.withCapacity(32);
        assertThat(q.getMemoryDescriptor().getLength()).isEqualTo(12 + 32 + 28);
        assertThat(q.enqueue(b("ABCDEFGH"), 8)).isTrue();
        String expect = "20000000" + "00000000" + "0c000000" // queueSize 32, head 0, tail 12
                + "08000000" + "4142434445464748" // entry: size 8, data — no padding
                + "00".repeat(20) + "00".repeat(28); // rest of queue, appendix (version 0, zeroed msgh)
        assertThat(hex(q)).isEqualTo(expect);
    }

    @Test

    @DisplayName("DQ2: entries are not padded to four bytes")
    void entriesAreNotPaddedToFourBytes() {
        IOSharedDataQueue q = IOSharedDataQueue.withCapacity(32);
        q.enqueue(b("XYZ"), 3);
        q.enqueue(b("W"), 1);
        ByteBuffer m = q.getMemoryDescriptor().map();
        assertThat(m.getInt(8)).as("tail = (3+4) + (1+4)").isEqualTo(12);
        assertThat(m.getInt(12 + 7)).as("second size header right after XYZ").isEqualTo(1);
    }

    @Test

    @DisplayName("DQ3, DQ4, DQ5: a wrap writes at the start, a size at the old tail; tail < head needs more room")
    void wrapWritesAtTheStartAndLeavesASizeHeaderAtTheOldTail() {
        IOSharedDataQueue q = IOSharedDataQueue.withCapacity(32);
        assertThat(q.enqueue(b("ABCDEFGH"), 8)).isTrue();
        assertThat(q.enqueue(b("IJKLMNOP"), 8)).isTrue();
        assertThat(q.enqueue(b("QRSTU"), 5)).as("24+9 > 32 and head 0 is not > 9: full").isFalse();
        assertThat(q.dequeue(100)).isEqualTo(b("ABCDEFGH"));
        assertThat(q.enqueue(b("QRSTU"), 5)).as("head 12 > 9: wraps").isTrue();
        String expect = "20000000" + "0c000000" + "09000000"
                + "05000000" + "5152535455" + "464748" // new entry at 0; old "FGH" bytes remain
                + "08000000" + "494a4b4c4d4e4f50" // entry at head 12
                + "05000000" + "00000000" // size header copied to the old tail 24; 4 bytes never written
                + "00".repeat(28);
        assertThat(hex(q)).isEqualTo(expect);
        assertThat(q.enqueue(b("Z"), 1)).as("tail 9 < head 12 and 12-9 = 3 is not > 5: full").isFalse();
        assertThat(q.dequeue(100)).isEqualTo(b("IJKLMNOP"));
        assertThat(q.peek()).as("size at 24 does not fit before the end: read from 0").isEqualTo(b("QRSTU"));
        assertThat(q.dequeue(100)).isEqualTo(b("QRSTU"));
        assertThat(q.getMemoryDescriptor().map().getInt(4)).as("head").isEqualTo(9);
        assertThat(q.dequeue(100)).as("empty").isNull();
    }

    @Test

    @DisplayName("DQ3, DQ5: with fewer than four bytes left no size is written and readers still wrap")
    void wrapWithFewerThanFourBytesLeftWritesNoSizeAtTailAndReadersStillWrap() {
        IOSharedDataQueue q = IOSharedDataQueue.withCapacity(32);
        assertThat(q.enqueue(new byte[26], 26)).isTrue(); // tail 30
        q.dequeue(100); // head 30
        byte[] before = q.getMemoryDescriptor().map().array().clone();
        assertThat(q.enqueue(b("hi"), 2)).isTrue();
        ByteBuffer m = q.getMemoryDescriptor().map();
        assertThat(m.getInt(8)).isEqualTo(6);
        assertThat(m.get(12 + 30)).isEqualTo(before[12 + 30]);
        assertThat(m.get(12 + 31)).isEqualTo(before[12 + 31]);
        IODataQueueClient client = new IODataQueueClient(m);
        assertThat(client.dequeue(10).data()).isEqualTo(b("hi"));
    }

    @Test

    @DisplayName("DQ3: the tail may land exactly on queueSize")
    void tailExactlyAtTheEndIsAllowed() {
        IOSharedDataQueue q = IOSharedDataQueue.withCapacity(32);
        assertThat(q.enqueue(new byte[28], 28)).isTrue();
        assertThat(q.getMemoryDescriptor().map().getInt(8)).isEqualTo(32);
    }

    @Test

    @DisplayName("DQ7: data-available only when the queue goes from empty to non-empty")
    void dataAvailableIsSentOnlyWhenTheQueueGoesFromEmptyToNonEmpty() {
        IOSharedDataQueue q = IOSharedDataQueue.withCapacity(32);
        NotificationPort port = new NotificationPort("dq");
        q.setNotificationPort(port);
        q.enqueue(b("a"), 1);
        q.enqueue(b("b"), 1);
        assertThat(q.notificationsSent()).isEqualTo(1);
        assertThat(port.receive()).isTrue();
        q.dequeue(10);
        q.dequeue(10);
        q.enqueue(b("c"), 1);
        assertThat(q.notificationsSent()).isEqualTo(2);
        q.dequeue(10);
        q.enqueue(b("d"), 1); // port still holds the previous message: qlimit 1 → timed out, dropped
        assertThat(q.notificationsSent()).isEqualTo(3);
        assertThat(port.sent()).isEqualTo(2);
        assertThat(port.dropped()).isEqualTo(1);
        assertThat(port.send()).isEqualTo(MACH_SEND_TIMED_OUT);
    }

    @Test

    @DisplayName("DQ5: the client's dequeue codes (underrun, no space)")
    void clientDequeueCodes() {
        IOSharedDataQueue q = IOSharedDataQueue.withCapacity(32);
        IODataQueueClient c = new IODataQueueClient(q.getMemoryDescriptor().map());
        assertThat(c.dataAvailable()).isFalse();
        assertThat(c.dequeue(10).result()).isEqualTo(kIOReturnUnderrun);
        q.enqueue(b("hello"), 5);
        assertThat(c.dataAvailable()).isTrue();
        assertThat(c.dequeue(4).result()).isEqualTo(kIOReturnNoSpace);
        assertThat(c.peek()).as("entry stays after NoSpace").isEqualTo(b("hello"));
        IODataQueueClient.Dequeued d = c.dequeue(5);
        assertThat(d.result()).isEqualTo(kIOReturnSuccess);
        assertThat(d.data()).isEqualTo(b("hello"));
    }

    @Test

    @DisplayName("DQ5, DQ6: a corrupt head is an error for the client and nothing for the kernel")
    void corruptHeadIsAnErrorForTheClientAndNothingForTheKernel() {
        IOSharedDataQueue q = IOSharedDataQueue.withCapacity(32);
        q.enqueue(b("x"), 1);
        ByteBuffer m = q.getMemoryDescriptor().map();
        m.putInt(4, 40); // head past the queue
        assertThat(new IODataQueueClient(m).dequeue(10).result()).isEqualTo(kIOReturnError);
        assertThat(q.dequeue(10)).isNull();
        assertThat(q.enqueue(b("y"), 1)).as("getQueueSize() < head").isFalse();
    }

    @Test

    @DisplayName("DQ6: the kernel uses its private queue size, not the shared header")
    void kernelUsesItsPrivateQueueSizeNotTheSharedHeader() {
        IOSharedDataQueue q = IOSharedDataQueue.withCapacity(32);
        q.getMemoryDescriptor().map().putInt(0, 1 << 20); // client scribbles a huge size
        assertThat(q.enqueue(new byte[40], 40)).isFalse();
        assertThat(q.enqueue(new byte[28], 28)).isTrue();
    }

    @Test
    void clientEnqueueFollowsTheSameRulesWithItsOwnCodes() {
        IOSharedDataQueue q = IOSharedDataQueue.withCapacity(16);
        IODataQueueClient c = new IODataQueueClient(q.getMemoryDescriptor().map());
        assertThat(c.enqueue(new byte[8])).isEqualTo(kIOReturnSuccess);
        assertThat(c.enqueue(new byte[1])).isEqualTo(kIOReturnOverrun);
        assertThat(q.dequeue(8)).hasSize(8);
    }

    @Test
    void withEntriesReservesHeaderRoomPerEntryAndOpensAsClientMemory() {
        assertThat(IOSharedDataQueue.withEntries(4, 8).getQueueSize()).isEqualTo(48);
        assertThat(IOSharedDataQueue.withEntries(0x40000000, 8)).isNull();
        IOConnect connect = new IOKitUser(Set.of(), new ManualTime())
                .serviceOpen(t -> new UserClientProvider.NewUserClient(0, new DemoUserClient(t)), 0).connect();
        DemoUserClient uc = (DemoUserClient) connect.client();
        NotificationPort port = new NotificationPort("client");
        assertThat(connect.setNotificationPort(0, port, 0)).isEqualTo(kIOReturnSuccess);
        IODataQueueClient client = new IODataQueueClient(connect.mapMemory(1).memory());
        uc.queue.enqueue(b("event"), 5);
        assertThat(port.receive()).isTrue();
        assertThat(client.dequeue(64).data()).isEqualTo(b("event"));
    }

    @Test
    void guardsAgainstImpossibleInputs() {
        IOSharedDataQueue q = IOSharedDataQueue.withCapacity(32);
        Assertions.assertThatThrownBy(() -> q.enqueue(new byte[2], 3))
                .isInstanceOf(IllegalArgumentException.class);
        q.enqueue(b("ok"), 2);
        ByteBuffer m = q.getMemoryDescriptor().map();
        m.putInt(0, 1 << 20); // the shared size now claims more than the mapping holds
        IODataQueueClient c = new IODataQueueClient(m);
        assertThat(c.dequeue(10).result()).isEqualTo(kIOReturnError);
        assertThat(c.peek()).isNull();
        assertThat(c.enqueue(b("x"))).isEqualTo(kIOReturnError);
        assertThat(q.dequeue(10)).as("the kernel's own size is unaffected").isEqualTo(b("ok"));
    }

    @Test
    void viewWalksLiveEntriesAcrossTheWrapAndNeverLoopsOnCorruptMemory() {
        IOSharedDataQueue q = IOSharedDataQueue.withCapacity(32);
        q.enqueue(b("ABCDEFGH"), 8);
        q.enqueue(b("IJKLMNOP"), 8);
        q.dequeue(100);
        q.enqueue(b("QRSTU"), 5);
        IODataQueueView.State s = IODataQueueView.of(q.getMemoryDescriptor().map());
        assertThat(s.entries()).containsExactly(new IODataQueueView.Entry(12, 8), new IODataQueueView.Entry(0, 5));
        assertThat(s.wrapMarkers()).containsExactly(24);
        assertThat(s.corrupt()).isFalse();
        ByteBuffer m = q.getMemoryDescriptor().map();
        m.putInt(12, 0); // a zero-size entry at 12 now leads to 16, 20, ... never meeting tail 9 before wrapping
        m.putInt(12 + 16, 0);
        m.putInt(12 + 20, 0);
        m.putInt(0 + 12, 0);
        IODataQueueView.State bad = IODataQueueView.of(m);
        assertThat(bad.entries().size()).isLessThan(20);
        m.putInt(8, 99);
        assertThat(IODataQueueView.of(m).corrupt()).isTrue();
    }
}
