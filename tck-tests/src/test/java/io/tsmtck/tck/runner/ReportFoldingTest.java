package io.tsmtck.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.CataloguePage;
import io.tsmtck.tck.catalogue.Rule;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.RuleStatus;
import io.tsmtck.tck.report.CertificationReport.Verdict;
import io.tsmtck.tck.report.HtmlReports;
import io.tsmtck.tck.report.JsonReports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folding tests into rules, the verdict, and the written reports. */
class ReportFoldingTest {

    private static final Catalogue CATALOGUE = Catalogue.standard();

    private static List<TestOutcomes.Outcome> allPassing() {
        List<TestOutcomes.Outcome> outcomes = new ArrayList<>();
        for (Rule rule : CATALOGUE.rules()) {
            if (rule.isTestable()) {
                outcomes.add(new TestOutcomes.Outcome(rule.id(), rule.id() + " case", "PASSED", "", ""));
            }
        }
        return outcomes;
    }

    private static RuleResult rule(List<RuleResult> rules, String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyPassingRuleOfAWholeHashedRunIsCertified() {
        List<RuleResult> rules = ReportFolder.rules(CATALOGUE, allPassing());

        assertThat(ReportFolder.verdict(true, rules, List.of())).isEqualTo(Verdict.CERTIFIED);
        assertThat(rule(rules, "TDISP-15").status()).as("an untestable rule").isEqualTo(RuleStatus.NOT_TESTED);
    }

    @Test
    void oneFailedTestFailsItsRuleAndTheCertification() {
        List<TestOutcomes.Outcome> outcomes = new ArrayList<>(allPassing());
        outcomes.add(new TestOutcomes.Outcome("VFIO-01", "VFIO-01 second case", "FAILED", "expected a refusal", ""));

        List<RuleResult> rules = ReportFolder.rules(CATALOGUE, outcomes);

        assertThat(rule(rules, "VFIO-01").status()).isEqualTo(RuleStatus.FAILED);
        assertThat(ReportFolder.verdict(true, rules, List.of())).isEqualTo(Verdict.NOT_CERTIFIED);
    }

    @Test
    void aRuleWhoseTestsWereAllAbortedIsNotTested() {
        List<TestOutcomes.Outcome> outcomes = allPassing().stream().filter(o -> !o.ruleId().equals("TDISP-19"))
                .collect(Collectors.toCollection(ArrayList::new));
        outcomes.add(new TestOutcomes.Outcome("TDISP-19", "case", "NOT_TESTED", "needs PLAINTEXT_PROBE", ""));

        assertThat(rule(ReportFolder.rules(CATALOGUE, outcomes), "TDISP-19").status()).isEqualTo(RuleStatus.NOT_TESTED);
    }

    @Test
    void aSelectionIsNotACertificationRunAndProblemsPreventCertification() {
        List<RuleResult> rules = ReportFolder.rules(CATALOGUE, allPassing());

        assertThat(ReportFolder.verdict(false, rules, List.of())).isEqualTo(Verdict.NOT_A_CERTIFICATION_RUN);
        assertThat(ReportFolder.verdict(true, rules, List.of("no test ran"))).isEqualTo(Verdict.NOT_CERTIFIED);
    }

    @Test
    void theReportsRoundTripAndTheHtmlShowsVerdictAndRules(@TempDir Path directory) throws IOException {
        List<RuleResult> rules = ReportFolder.rules(CATALOGUE, allPassing());
        CertificationReport report = new CertificationReport(Verdict.CERTIFIED, true,
                new CertificationReport.Kit("0.1.0", Map.of("tck-tests.jar", "ab"), CATALOGUE.rules().size()),
                new CertificationReport.Implementation("x.Provider", "x", List.of("g:a:1"), Map.of("a.jar", "cd")),
                new CertificationReport.Environment("17", "linux", Optional.empty(), 1, Map.of(), List.of()),
                ReportFolder.totals(rules, 118), rules, List.of());

        assertThat(JsonReports.read(JsonReports.write(report, directory))).isEqualTo(report);
        String html = HtmlReports.render(report);
        assertThat(html).contains("id=\"verdict\" class=\"CERTIFIED\"", "<tr id=\"TDISP-01\">", "<tr id=\"SEC-04\">");
    }

    @Test
    void theHumanPageListsEveryRule() {
        String page = CataloguePage.markdown(CATALOGUE);

        assertThat(CATALOGUE.rules()).allSatisfy(rule -> assertThat(page).contains("| " + rule.id() + " |"));
    }
}
