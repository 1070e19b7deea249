package dev.ioscope.app.workbench.userclient;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmcReadingTest {
    @Test
    void sp78IsSignedSevenEightFixedPointAndFpe2IsFourteenTwo() {
        // sp78: 0x2c80 / 256 = 44.5 °C (the virtual Mac's CPU at boot, docs/workbench.md); negative values exist
        assertThat(SmcReading.of("sp78", new byte[] {0x2c, (byte) 0x80}, 0)).contains("44.5 °C");
        assertThat(SmcReading.of("sp78", new byte[] {(byte) 0xff, 0x00}, 0)).contains("-1 °C");
        // fpe2: 0x12c0 / 4 = 1200 rpm (a fan's minimum in SmcKeys: F<n>Mn = 1200 * 4)
        assertThat(SmcReading.of("fpe2", new byte[] {0x12, (byte) 0xc0}, 0)).contains("1200 rpm");
        assertThat(SmcReading.of("ui8 ", new byte[] {0, 2}, 1)).contains("2");
        assertThat(SmcReading.of("ch8*", new byte[] {0x41}, 0)).isEmpty();
        assertThat(SmcReading.of("sp78", new byte[] {0x2c}, 0)).isEmpty();   // too short: no reading
    }
}
