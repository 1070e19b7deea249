package dev.ioscope.engine.explore;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: one rule for numbers in every UI pane (unsigned as the width reads it, with its hex), while text in
 * ioreg's syntax keeps ioreg's sign extension of 32-bit values (the real dumps print 0x80400000 as
 * 18446744071566262272).
 */
class ValueTextTest {
    private static final OSNumber LOCATION = OSNumber.of32(0x80400000L);

    @Test
    void aThirtyTwoBitLocationIdReadsUnsignedWithItsHexInTheUi() {
        assertThat(ValueText.number(LOCATION)).isEqualTo("2151677952 (0x80400000)");
        assertThat(ValueText.of(LOCATION)).isEqualTo("2151677952 (0x80400000)");
        assertThat(ValueText.number(OSNumber.of(0xff, 8))).isEqualTo("255 (0xff)");
        assertThat(ValueText.number(OSNumber.of64(-1))).isEqualTo("18446744073709551615 (0xffffffffffffffff)");
    }

    @Test
    void nestedValuesUseTheSameRuleInTheUiAndIoregsInText() {
        OSDictionary d = OSDictionary.of("LocationID", LOCATION, "ports",
                OSArray.of(List.of(OSNumber.of32(1), OSString.of("x"))));
        assertThat(ValueText.inline(d)).isEqualTo("{\"LocationID\"=2151677952 (0x80400000),\"ports\"=(1 (0x1),\"x\")}");
        StringBuilder ioreg = new StringBuilder();
        EntryText.value(ioreg, d);
        // as ioreg prints it: %qu of the SInt32 CFNumber, sign-extended
        assertThat(ioreg.toString()).isEqualTo("{\"LocationID\"=18446744071566262272,\"ports\"=(1,\"x\")}");
    }
}
