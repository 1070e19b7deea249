package dev.ioscope.engine.iokit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** IOLib.h's inline IOFixedMultiply / IOFixedDivide and IOLib.cpp's IOSizeToAlignment / IOAlignmentToSize. */
class IOFixedAndAlignmentTest {
    @Test
    @DisplayName("T2: IOFixedMultiply shifts the wide product right, negatives round down")
    void multiplyShiftsTheWideProductRightSoNegativesRoundDown() {
        assertThat(IOFixed.multiply(IOFixed.fromInt(3), IOFixed.fromDouble(1.5))).isEqualTo(IOFixed.fromDouble(4.5));
        // -1/65536 * 0.5 = -1/131072 -> arithmetic shift gives -1 (floor), not 0
        assertThat(IOFixed.multiply(-1, IOFixed.ONE / 2)).isEqualTo(-1);
        assertThat(IOFixed.multiply(1, IOFixed.ONE / 2)).isZero();
        // 32767 * 2 = 65534 does not fit 16.16: the (IOFixed) cast keeps the low 32 bits
        assertThat(IOFixed.multiply(0x7fff0000, 0x20000)).isEqualTo(0xfffe0000);
    }

    @Test

    @DisplayName("T2: IOFixedDivide truncates toward zero")
    void divideTruncatesTowardZero() {
        assertThat(IOFixed.divide(IOFixed.fromInt(1), IOFixed.fromInt(3))).isEqualTo(0x5555);
        assertThat(IOFixed.divide(IOFixed.fromInt(-1), IOFixed.fromInt(3))).isEqualTo(-0x5555);
        assertThat(IOFixed.divide(-1, IOFixed.fromInt(2))).isZero();
        assertThatThrownBy(() -> IOFixed.divide(1, 0)).isInstanceOf(ArithmeticException.class);
    }

    @Test

    @DisplayName("T3: IOSizeToAlignment is the highest set bit")
    void sizeToAlignmentIsTheHighestSetBitNotTheLargestDividingPower() {
        assertThat(IOAlignment.sizeToAlignment(0)).isZero();
        assertThat(IOAlignment.sizeToAlignment(1)).isZero();
        assertThat(IOAlignment.sizeToAlignment(2)).isEqualTo(1);
        assertThat(IOAlignment.sizeToAlignment(3)).isEqualTo(1);
        assertThat(IOAlignment.sizeToAlignment(6)).isEqualTo(2);
        assertThat(IOAlignment.sizeToAlignment(4096)).isEqualTo(12);
        assertThat(IOAlignment.sizeToAlignment(4097)).isEqualTo(12);
        assertThat(IOAlignment.sizeToAlignment(0x80000000)).isEqualTo(31);
        assertThat(IOAlignment.sizeToAlignment(0xffffffff)).isEqualTo(31);
    }

    @Test

    @DisplayName("T3: IOAlignmentToSize doubles in an unsigned int and gives 0 at 32")
    void alignmentToSizeDoublesInAnUnsignedIntAndShiftsOutAt32() {
        assertThat(IOAlignment.alignmentToSize(0)).isEqualTo(1);
        assertThat(IOAlignment.alignmentToSize(12)).isEqualTo(4096);
        assertThat(IOAlignment.alignmentToSize(31)).isEqualTo(0x80000000);
        assertThat(IOAlignment.alignmentToSize(32)).isZero();
        assertThat(IOAlignment.alignmentToSize(-1)).isZero();
    }

    @Test
    void addressRangesCompareUnsigned() {
        IOAddressRange r = new IOAddressRange(0xffff_ffff_0000_0000L, 0x1000);
        assertThat(r.contains(0xffff_ffff_0000_0fffL)).isTrue();
        assertThat(r.contains(0xffff_ffff_0000_1000L)).isFalse();
        assertThat(r.contains(0x1000)).isFalse();
    }
}
