package io.tsmtck.tck.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.tck.report.CertificationReport.Cost;
import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.RuleStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Build-failure lines stay short: reasons are grouped and counted, rules beyond ten are counted. */
class RuleSummariesTest {

    private static RuleResult notTested(String id, String... reasons) {
        return new RuleResult(id, "MUST", "TDISP", "", "", "PCIE", "", List.of(), RuleStatus.NOT_TESTED,
                List.of(reasons), Cost.NONE, List.of());
    }

    @Test
    void aReasonSharedByManyRulesIsGivenOnceWithItsCountMostFirst() {
        List<RuleResult> rules = new ArrayList<>();
        IntStream.range(0, 45).forEach(i -> rules.add(notTested("T-" + i,
                "Rule T-" + i + " (MUST): needs test hook TDI_PROBE; implement TdiProbe")));
        rules.add(notTested("X-1", "Rule X-1 (MUST): blocked by: LOCK (refused)\nsecond line"));

        String line = RuleSummaries.toProvide(rules);

        assertThat(line).isEqualTo("needs test hook TDI_PROBE; implement TdiProbe (45 rules); blocked by: LOCK (refused)"
                + " (1 rule)");
    }

    @Test
    void pastFiveReasonsTheRestAreCountedAndLongReasonsAreCut() {
        List<RuleResult> rules = new ArrayList<>();
        IntStream.range(0, 8).forEach(i -> rules.add(notTested("T-" + i, "reason " + i + " " + "x".repeat(300))));

        String line = RuleSummaries.toProvide(rules);

        assertThat(line).endsWith("; and 3 other reason(s) in the report").contains("reason 4").doesNotContain(
                "reason 5");
        assertThat(line.length()).isLessThan(5 * (RuleSummaries.REASON_CHARS + 12) + 40);
    }
}
