package dev.ioscope.engine.snapshot.archive;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveDatesTest {
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    @Test
    @DisplayName("dates are spelt exactly as Instant.toString spells them (the oracle), fraction groups included")
    void spelledLikeInstant() {
        long[] seconds = {0, 59, 60, 86_399, 86_400, 951_782_400L /* 2000-02-29 */, 978_307_200L /* 2001 */,
            1_539_717_645L /* 2018-10-16T19:20:45 */, 4_107_542_400L /* 2100-03-01 */, LAST_DAY * 86_400,
            LAST_DAY * 86_400 + 86_399, -1, -86_400, LAST_DAY * 86_400 + 86_400, -62_135_596_800L /* year 1 */};
        long[] nanos = {0, 1, 999, 1000, 791_000_000, 791_877_000, 791_877_031, 999_999_999, 100_000_000};
        for (long s : seconds) {
            for (long n : nanos) {
                assertThat(ArchiveDates.iso(s, n)).as("%d s %d ns", s, n)
                        .isEqualTo(Instant.ofEpochSecond(s, n).toString());
            }
        }
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 20_000; i++) {
            long s = random.nextLong(-LAST_DAY * 86_400, (LAST_DAY + 2) * 86_400);
            long n = random.nextInt(4) == 0 ? 0 : random.nextLong(1_000_000_000L);
            assertThat(ArchiveDates.iso(s, n)).isEqualTo(Instant.ofEpochSecond(s, n).toString());
        }
        assertThat(LocalDate.ofEpochDay(LAST_DAY).atStartOfDay().toInstant(ZoneOffset.UTC).toString())
                .startsWith("9999-12-31");
    }
}
