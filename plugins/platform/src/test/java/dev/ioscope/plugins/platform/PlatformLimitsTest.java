package dev.ioscope.plugins.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A machine's cpus is checked against the hardware's limit and its JSON type (issue 17, items 4 and 10). */
class PlatformLimitsTest {
    private static String machine(String cpus) {
        return "{\"name\": \"p\", \"platform\": {\"type\": \"platform\", \"cpus\": " + cpus + "}}";
    }

    @Test
    void cpusOverXnusMaximumStopsBeforeBuildingAnything() {
        assertThatThrownBy(() -> PlatformFamilyTest.boot(machine("100000000")))
                .hasMessage("p.json: platform: platform.cpus: 100000000 is outside 1..64 (XNU is built for at most "
                        + "64 CPUs (MAX_CPUS))");
        assertThatThrownBy(() -> PlatformFamilyTest.boot(machine("0"))).hasMessageContaining("0 is outside 1..64");
    }

    @Test
    void cpusOfTheWrongJsonTypeIsRejectedNotCoerced() {
        assertThatThrownBy(() -> PlatformFamilyTest.boot(machine("2.5")))
                .hasMessage("p.json: platform: platform.cpus: not a whole number: 2.5");
        assertThatThrownBy(() -> PlatformFamilyTest.boot(machine("true")))
                .hasMessage("p.json: platform: platform.cpus: a number is expected, not true");
        assertThatThrownBy(() -> PlatformFamilyTest.boot(machine("[4]")))
                .hasMessage("p.json: platform: platform.cpus: a number is expected, not [4]");
    }

    @Test
    void theLimitItselfBoots() throws Exception {
        assertThat(PlatformFamilyTest.boot(machine("64")).registry().entries())
                .filteredOn(e -> e.name().equals("CPU63")).hasSize(1);
    }
}
