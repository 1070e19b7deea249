package dev.ioscope.app.workbench;

import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.JournalKind;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventDetailTest {
    @Test
    void theWholeEventOneFactALineWithIOReturnNames() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("personality", "IntelMausi");
        d.put("reason", "a long reason that the one-line list cuts short, here whole");
        d.put("result", "0xe00002c2");
        String text = EventDetail.text(new JournalEvent(12, 5000, JournalKind.SERVICE_START_FAILED,
                "IOService:/ethernet@1f,6/IntelMausi", d));
        assertThat(text.lines()).containsExactly("#12  service.start-failed", "time   5.000 µs  (5000 ns)",
                "entry  IOService:/ethernet@1f,6/IntelMausi",
                "personality  IntelMausi",
                "reason       a long reason that the one-line list cuts short, here whole",
                // IOReturn.h: kIOReturnBadArgument = iokit_common_err(0x2c2) = 0xe00002c2
                "result       0xe00002c2 (kIOReturnBadArgument)");
        assertThat(EventDetail.withReturnName("0x00000bad")).isEqualTo("0x00000bad");
        assertThat(EventDetail.withReturnName("IntelMausi")).isEqualTo("IntelMausi");
    }
}
