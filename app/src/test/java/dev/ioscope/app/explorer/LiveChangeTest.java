package dev.ioscope.app.explorer;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The change log's lines: time, then each kind that happened with its entry names (five, then "…"). */
class LiveChangeTest {
    private static final LocalTime T = LocalTime.of(17, 19, 9);

    @Test
    void eachKindThatHappenedIsListedInOrderWithItsNames() {
        assertThat(new LiveChange(T, List.of("IOUSBHostDevice"), List.of(), List.of("XHC1", "AppleSMC")).text())
                .isEqualTo("17:19:09  1 added: IOUSBHostDevice; 2 changed: XHC1, AppleSMC");
        assertThat(new LiveChange(T, List.of(), List.of("Mass Storage Device"), List.of()).text())
                .isEqualTo("17:19:09  1 removed: Mass Storage Device");
        assertThat(new LiveChange(T, List.of(), List.of(), List.of()).text()).isEqualTo("17:19:09  no change");
    }

    @Test
    void aLongListNamesFiveAndSaysThereIsMore() {
        List<String> seven = List.of("a", "b", "c", "d", "e", "f", "g");
        assertThat(new LiveChange(T, List.of(), seven, List.of()).text())
                .isEqualTo("17:19:09  7 removed: a, b, c, d, e, …");
    }
}
