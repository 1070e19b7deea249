package dev.ioscope.engine.iokit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Values checked against iokit/IOKit/IOReturn.h: sys_iokit = err_system(0x38) = 0xe0000000, sub 0 = common. */
class IOReturnTest {
    @Test
    @DisplayName("T1: sys_iokit and err_sub bits follow mach/error.h")
    void systemAndSubsystemBitsFollowMachErrorH() {
        assertThat(IOReturn.SYS_IOKIT).isEqualTo(0xe0000000);
        assertThat(IOReturn.errSub(1)).isEqualTo(0x4000); // sub_iokit_usb
        assertThat(IOReturn.family(IOReturn.errSub(1), 0x51)).isEqualTo(0xe0004051);
    }

    @Test

    @DisplayName("T1: common codes have the header values")
    void commonCodesHaveTheHeaderValues() {
        assertThat(IOReturn.kIOReturnError).isEqualTo(0xe00002bc);
        assertThat(IOReturn.kIOReturnIPCError).isEqualTo(0xe00002bf);
        assertThat(IOReturn.kIOReturnBadArgument).isEqualTo(0xe00002c2);
        assertThat(IOReturn.kIOReturnUnsupported).isEqualTo(0xe00002c7);
        assertThat(IOReturn.kIOReturnNotPrivileged).isEqualTo(0xe00002c1);
        assertThat(IOReturn.kIOReturnNoCompletion).isEqualTo(0xe00002ea);
        assertThat(IOReturn.kIOReturnNotFound).isEqualTo(0xe00002f0);
        assertThat(IOReturn.kIOReturnInvalid).isEqualTo(0xe0000001);
    }

    @Test

    @DisplayName("T1: every code 0x2bc-0x2f0 is named except 0x2cb and 0x2dc")
    void everyCodeFrom2bcTo2f0IsNamedExceptTheTwoTheHeaderLeavesOut() {
        for (int code = 0x2bc; code <= 0x2f0; code++) {
            String name = IOReturn.name(IOReturn.common(code));
            if (code == 0x2cb || code == 0x2dc) {
                assertThat(name).as("0x%x is commented out in IOReturn.h", code).isNull();
            } else {
                assertThat(name).as("0x%x", code).startsWith("kIOReturn");
            }
        }
        // 51 codes in 0x2bc..0x2f0, plus Success and Invalid, plus 3 mach/MIG codes
        assertThat(IOReturn.all()).hasSize(51 + 2 + 3);
    }

    @Test

    @DisplayName("T1: the formatter names known codes and splits unknown ones")
    void formatterNamesKnownCodesAndSplitsUnknownOnes() {
        assertThat(IOReturn.format(0xe00002c2)).isEqualTo("kIOReturnBadArgument (0xe00002c2)");
        assertThat(IOReturn.format(0)).isEqualTo("kIOReturnSuccess (0x00000000)");
        assertThat(IOReturn.format(0xe0004051)).isEqualTo("0xe0004051 (system 0x38, sub 0x1, code 0x51)");
        assertThat(IOReturn.valueOf("kIOReturnNotReady")).isEqualTo(0xe00002d8);
        assertThat(IOReturn.all().get(IOReturn.kIOReturnExclusiveAccess).comment())
                .isEqualTo("exclusive access and device already open");
    }
}
