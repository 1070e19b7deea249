package dev.ioscope.engine.userclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import dev.ioscope.engine.iokit.IOReturn;
import org.junit.jupiter.api.Test;

class CallLineTest {
    private final IOConnect connect = new IOKitUser(Set.of(), new ManualTime())
            .serviceOpen(t -> new UserClientProvider.NewUserClient(0, new DemoUserClient(t)), 0).connect();

    @Test
    void parsesScalarsInDecimalAndHexAndStructAsHex() throws Exception {
        CallLine c = CallLine.parse("call 0 scalars=[40,0x2,-1] struct=0aff out=1");
        assertThat(c.selector()).isZero();
        assertThat(c.scalars()).containsExactly(40, 2, -1);
        assertThat(c.struct()).containsExactly(0x0a, 0xff);
        assertThat(c.out()).isEqualTo(1);
        assertThat(CallLine.parse("call 3 scalars=[0xffffffffffffffff]").scalars()).containsExactly(-1);
    }

    @Test
    void outputRoomComesFromTheMethodDescription() throws Exception {
        MethodDescription add = new MethodDescription(0, "add", 2, 0, 1, 0, false, null, "a + b");
        CallLine c = CallLine.parse("call 0 scalars=[40,2]");
        CallResult r = c.run(connect, add);
        assertThat(r.scalarOutput()).containsExactly(42);
        assertThat(c.journalLine(add, r)).isEqualTo(
                "call 0 (add) scalars=[40, 2] struct= -> kIOReturnSuccess (0x00000000) scalars=[42] struct=");
        MethodDescription echo = new MethodDescription(1, "echo", 0, MethodDescription.VARIABLE, 0,
                MethodDescription.VARIABLE, false, null, "");
        assertThat(CallLine.parse("call 1 struct=beef").run(connect, echo).structureOutput())
                .containsExactly(0xbe, 0xef);
        assertThat(c.run(connect, null).result()).as("no room for the scalar output")
                .isEqualTo(IOReturn.kIOReturnBadArgument);
    }

    @Test
    void errorsNameTheColumn() {
        assertThatThrownBy(() -> CallLine.parse("open 0")).hasMessageStartingWith("column 1:");
        assertThatThrownBy(() -> CallLine.parse("call 0 scalars=[1,x]"))
                .hasMessage("column 19: not a 64-bit number: x");
        assertThatThrownBy(() -> CallLine.parse("call 0 struct=abc")).hasMessageStartingWith("column 15:");
        assertThatThrownBy(() -> CallLine.parse("call -1")).hasMessageContaining("outside");
        assertThatThrownBy(() -> CallLine.parse("call 0 bogus=1")).hasMessageContaining("unknown key bogus");
    }
}
