package dev.ioscope.engine.os;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** libkern equality rules (libkern/c++/OS*.cpp isEqualTo) and our exact equality. */
class OSValuesTest {
    @Test
    void numberMasksToItsWidthAndKeepsIt() {
        OSNumber n = OSNumber.of(0x1FF, 8);
        assertThat(n.value()).isEqualTo(0xFF);
        assertThat(n.bits()).isEqualTo(8);
        assertThatThrownBy(() -> OSNumber.of(1, 12)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void probeScoreMinus100PrintsAsUnsigned64() {
        // ioreg prints IOProbeScore -100 as 18446744073709551516 (docs/reference/FORMATS.md): the 64-bit unsigned
        // rendering.
        OSNumber n = OSNumber.of64(-100);
        assertThat(n.toString()).isEqualTo("18446744073709551516");
        assertThat(OSNumber.of(-100, 32).signedValue()).isEqualTo(-100);
    }

    @Test
    void numberIsEqualToComparesValuesOnlyButEqualsComparesWidth() {
        OSNumber a = OSNumber.of(5, 32);
        OSNumber b = OSNumber.of(5, 64);
        assertThat(a.isEqualTo(b)).isTrue();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void stringAndSymbolAreEqualButNotToNumbers() {
        assertThat(OSString.of("IOPCIDevice").isEqualTo(OSSymbol.of("IOPCIDevice"))).isTrue();
        assertThat(OSSymbol.of("x").isEqualTo(OSString.of("x"))).isTrue();
        assertThat(OSString.of("5").isEqualTo(OSNumber.of32(5))).isFalse();
    }

    @Test
    void dataEqualsAStringWithOrWithoutOneTrailingNul() {
        // OSData::isEqualTo(const OSString*) and OSString::isEqualTo(const OSData*) accept an extra NUL byte.
        OSData withNul = OSData.wrap(new byte[]{'P', 'N', 'P', '0', '3', '0', '3', 0});
        OSData without = OSData.wrap(new byte[]{'P', 'N', 'P', '0', '3', '0', '3'});
        OSData twoNuls = OSData.wrap(new byte[]{'P', 'N', 'P', '0', '3', '0', '3', 0, 0});
        assertThat(withNul.isEqualTo(OSString.of("PNP0303"))).isTrue();
        assertThat(without.isEqualTo(OSString.of("PNP0303"))).isTrue();
        assertThat(OSString.of("PNP0303").isEqualTo(withNul)).isTrue();
        assertThat(twoNuls.isEqualTo(OSString.of("PNP0303"))).isFalse();
        assertThat(withNul).isNotEqualTo(without);
    }

    @Test
    void dataIsImmutable() {
        byte[] b = {1, 2, 3};
        OSData d = OSData.of(b);
        b[0] = 9;
        d.toByteArray()[1] = 9;
        assertThat(d.toHex()).isEqualTo("010203");
        assertThat(d.littleEndian(2)).isEqualTo(0x0201);
    }

    @Test
    void dictionaryKeepsOrderReplacesInPlaceAndComparesUnorderedForIsEqualTo() {
        OSDictionary d = OSDictionary.builder().put("b", OSNumber.of32(1)).put("a", OSString.of("x"))
                .put("b", OSNumber.of32(2)).build();
        assertThat(d.keys()).containsExactly("b", "a");
        assertThat(d.get("b")).isEqualTo(OSNumber.of32(2));
        OSDictionary reordered = OSDictionary.of("a", OSString.of("x"), "b", OSNumber.of64(2));
        assertThat(d.isEqualTo(reordered)).isTrue();
        assertThat(d).isNotEqualTo(reordered);
        assertThat(d.with("c", OSBoolean.TRUE).keys()).containsExactly("b", "a", "c");
        assertThat(d.with("a", OSBoolean.TRUE).keys()).containsExactly("b", "a");
        assertThat(d.without("b").keys()).containsExactly("a");
    }

    @Test
    void largeDictionaryUsesItsIndexCorrectly() {
        OSDictionary.Builder b = OSDictionary.builder();
        for (int i = 0; i < 100; i++) {
            b.put("k" + i, OSNumber.of32(i));
        }
        b.put("k50", OSNumber.of32(500));
        OSDictionary d = b.build();
        assertThat(d.size()).isEqualTo(100);
        assertThat(d.get("k50")).isEqualTo(OSNumber.of32(500));
        assertThat(d.keyAt(50)).isEqualTo("k50");
        assertThat(d.get("nope")).isNull();
    }

    @Test
    void arrayIsOrderedSetIsNot() {
        OSArray a = OSArray.of(OSNumber.of32(1), OSNumber.of32(2));
        OSArray b = OSArray.of(OSNumber.of32(2), OSNumber.of32(1));
        assertThat(a.isEqualTo(b)).isFalse();
        OSSet s = OSSet.of(OSNumber.of32(1), OSNumber.of32(2), OSNumber.of64(1));
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.isEqualTo(OSSet.of(OSNumber.of32(2), OSNumber.of32(1)))).isTrue();
    }

    @Test
    void booleansAndUnserializableMarkersAreDistinctFromStrings() {
        assertThat(OSBoolean.TRUE.isEqualTo(OSBoolean.of(true))).isTrue();
        assertThat(OSBoolean.TRUE.isEqualTo(OSString.of("Yes"))).isFalse();
        OSUnserializable u = new OSUnserializable("IOFoo is not serializable");
        assertThat(u.isEqualTo(OSString.of("IOFoo is not serializable"))).isFalse();
    }
}
