package dev.ioscope.engine.explore;

import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegexLiteralsTest {
    @Test
    void requiredLiteralIsTheLongestTopLevelRunOfPlainCharacters() {
        assertThat(RegexLiterals.required("8c8[0-9]")).isEqualTo("8c8");
        assertThat(RegexLiterals.required("^en[0-3]$")).isEqualTo("en");
        assertThat(RegexLiterals.required("IOUSB.*Device")).isEqualTo("Device");
        assertThat(RegexLiterals.required("AppleUSB\\w+Controller")).isEqualTo("Controller");
        assertThat(RegexLiterals.required("vendor-id\\.x")).isEqualTo("vendor-id.x");
        // A character before ? * { is optional: it is not part of the run.
        assertThat(RegexLiterals.required("disks?1")).isEqualTo("disk");
        assertThat(RegexLiterals.required("abcx*yz")).isEqualTo("abc");
        // Before + the character is required once, then the run ends.
        assertThat(RegexLiterals.required("ab+cd")).isEqualTo("ab");
        assertThat(RegexLiterals.required("[a]]bc")).isEqualTo("]bc");
    }

    @Test
    void nothingIsClaimedWhereAMatchNeedNotContainIt() {
        assertThat(RegexLiterals.required("xhc|ehc")).isEmpty();
        assertThat(RegexLiterals.required("(abc)?d")).isEqualTo("d");
        assertThat(RegexLiterals.required("(?i)abc")).isEmpty();
        assertThat(RegexLiterals.required("\\Qa.b\\E")).isEmpty();
        assertThat(RegexLiterals.required(".*")).isEmpty();
        assertThat(RegexLiterals.required("\\d+")).isEmpty();
        assertThat(RegexLiterals.required("[abc")).isEmpty();
        // Under case folding the literal is lower-cased like the index; non-ASCII is not trusted to fold.
        assertThat(SearchQuery.literal("XHC\\d", true)).isEqualTo("xhc");
        assertThat(SearchQuery.literal("Ärger", true)).isEmpty();
    }

    @Test
    void prefilteredRegexFindsExactlyWhatAFullScanFinds() {
        var index = RegistryIndex.build(SampleMacRegistry.build(20_000, 7));
        var all = EnumSet.allOf(SearchField.class);
        for (String re : new String[]{"8c8[0-9]", "^en[0-3]$", "usb.*device", "XHC\\d", "disks?1", "0x8086",
                                      "(abc)?pci"}) {
            var found = RegistrySearch.search(index, new SearchQuery(re, all, true));
            boolean fold = !re.equals(re.toLowerCase(Locale.ROOT));
            var p = Pattern.compile(re, (fold ? Pattern.CASE_INSENSITIVE : 0) | Pattern.MULTILINE);
            BitSet expected = new BitSet();
            for (SearchField f : all) {
                String[] col = index.column(f);
                for (int i = 0; i < col.length; i++) {
                    if (p.matcher(col[i]).find()) {
                        expected.set(i);
                    }
                }
            }
            assertThat(found.count()).as(re).isEqualTo(expected.cardinality());
            for (int i = expected.nextSetBit(0); i >= 0; i = expected.nextSetBit(i + 1)) {
                assertThat(found.contains(index.entry(i))).as(re).isTrue();
            }
        }
    }

    @Test
    void aSupersededSearchStops() {
        var index = RegistryIndex.build(SampleMacRegistry.build(20_000, 7));
        var q = new SearchQuery(".*x.*", EnumSet.allOf(SearchField.class), true);
        assertThatThrownBy(() -> RegistrySearch.search(index, q, () -> true))
                .isInstanceOf(CancellationException.class);
        assertThat(RegistrySearch.search(index, q, () -> false).count()).isPositive();
    }
}
