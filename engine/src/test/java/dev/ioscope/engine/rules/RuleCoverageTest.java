package dev.ioscope.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every rule of docs/iokit-rules.md has one id of its own and at least one test that cites it. */
class RuleCoverageTest {
    private final Path root = RuleCoverage.root();

    @Test
    @DisplayName("every rule id of docs/iokit-rules.md is cited by some test")
    void everyRuleIsCited() {
        assertThat(RuleCoverage.checkedRules(root)).hasSizeGreaterThan(80);
        assertThat(RuleCoverage.uncited(root)).as("rules no test cites (scripts/rules-coverage lists them)").isEmpty();
    }

    @Test
    @DisplayName("no rule id stands for two rules")
    void idsAreUnique() {
        assertThat(RuleCoverage.duplicates(root)).isEmpty();
    }

    @Test
    void displayNamesAndMethodNamesCiteWholeTokensOnly() {
        Set<String> cited = new TreeSet<>();
        RuleCoverage.collect(List.of(
                "    @DisplayName(\"S4, UC8a: start falls through; see PCI12x and \\\"N9\\\"\")",
                "    void cg2CommandSleepGivesTheGateUp(@TempDir Path dir) {",
                "    void uc8aVariable_dq3Wrap() {",
                "    String notATest = \"@Display P7\";"), cited);
        assertThat(cited).contains("S4", "UC8a", "N9", "CG2", "DQ3").doesNotContain("PCI12", "P7");
    }

    @Test
    void idsCompareCaseInsensitivelyButKeepTheirSubLetter() {
        assertThat(RuleCoverage.normal("uc8a")).isEqualTo("UC8a");
        assertThat(RuleCoverage.normal("PM12")).isEqualTo("PM12");
        assertThat(RuleCoverage.camelTokens("s4StartFailureFallback")).containsExactly("s4", "Start", "Failure",
                "Fallback");
    }
}
