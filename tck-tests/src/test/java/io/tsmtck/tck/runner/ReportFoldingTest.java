package io.tsmtck.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.VendorProfile;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.CataloguePage;
import io.tsmtck.tck.catalogue.Rule;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.CertificationReport.Cost;
import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.RuleStatus;
import io.tsmtck.tck.report.CertificationReport.TestStatus;
import io.tsmtck.tck.report.CertificationReport.Verdict;
import io.tsmtck.tck.report.HtmlReports;
import io.tsmtck.tck.report.JsonReports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folding tests into rules, the verdict, and the written reports. */
class ReportFoldingTest {

    private static final Catalogue CATALOGUE = Catalogue.standard();
    private static final Set<VendorProfile> ALL_PROFILES = EnumSet.allOf(VendorProfile.class);

    private static List<TestOutcomes.Outcome> allPassing() {
        List<TestOutcomes.Outcome> outcomes = new ArrayList<>();
        for (Rule rule : CATALOGUE.rules()) {
            if (rule.isTestable()) {
                outcomes.add(outcome(rule.id(), TestStatus.PASSED, ""));
            }
        }
        return outcomes;
    }

    private static TestOutcomes.Outcome outcome(String rule, TestStatus status, String message) {
        return new TestOutcomes.Outcome(rule, rule + " case " + status, status, message, "");
    }

    /** Every rule passing except {@code rule}, whose tests are {@code replacement}. */
    private static List<TestOutcomes.Outcome> replacing(String rule, TestOutcomes.Outcome... replacement) {
        List<TestOutcomes.Outcome> outcomes = allPassing().stream().filter(o -> !o.ruleId().equals(rule))
                .collect(Collectors.toCollection(ArrayList::new));
        outcomes.addAll(List.of(replacement));
        return outcomes;
    }

    private static List<RuleResult> fold(List<TestOutcomes.Outcome> outcomes) {
        return ReportFolder.rules(CATALOGUE, outcomes, Set.of(), ALL_PROFILES);
    }

    private static RuleResult rule(List<RuleResult> rules, String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyPassingRuleOfAWholeHashedRunIsCertified() {
        List<RuleResult> rules = fold(allPassing());

        assertThat(ReportFolder.verdict(true, rules, List.of())).isEqualTo(Verdict.CERTIFIED);
        assertThat(rule(rules, "VFIO-20").status()).as("an untestable rule").isEqualTo(RuleStatus.UNTESTABLE);
        assertThat(rule(rules, "VFIO-20").reasons()).as("it says why").singleElement().asString().isNotBlank();
    }

    @Test
    void oneFailedTestFailsItsRuleAndTheCertification() {
        List<TestOutcomes.Outcome> outcomes = new ArrayList<>(allPassing());
        outcomes.add(outcome("VFIO-12", TestStatus.FAILED, "expected a refusal"));

        List<RuleResult> rules = fold(outcomes);

        assertThat(rule(rules, "VFIO-12").status()).isEqualTo(RuleStatus.FAILED);
        assertThat(ReportFolder.verdict(true, rules, List.of())).isEqualTo(Verdict.NOT_CERTIFIED);
    }

    @Test
    void aFailedShouldRuleIsReportedFailedWithoutBlockingTheCertification() {
        List<TestOutcomes.Outcome> outcomes = new ArrayList<>(allPassing());
        outcomes.add(outcome("VFIO-01", TestStatus.FAILED, "expected a refusal"));

        List<RuleResult> rules = fold(outcomes);

        assertThat(rule(rules, "VFIO-01").level()).isEqualTo("SHOULD");
        assertThat(rule(rules, "VFIO-01").status()).isEqualTo(RuleStatus.FAILED);
        assertThat(ReportFolder.verdict(true, rules, List.of())).isEqualTo(Verdict.CERTIFIED);
    }

    @Test
    void aMustRuleWhoseHookIsMissingIsNotTestedAndNeverCertified() {
        List<RuleResult> rules = fold(replacing("TSM-13", outcome("TSM-13", TestStatus.NOT_TESTED,
                "needs test hook TDI_PROBE")));

        assertThat(rule(rules, "TSM-13").status()).isEqualTo(RuleStatus.NOT_TESTED);
        assertThat(rule(rules, "TSM-13").reasons()).containsExactly("needs test hook TDI_PROBE");
        assertThat(ReportFolder.verdict(true, rules, List.of())).as("a MUST rule not tested")
                .isEqualTo(Verdict.NOT_CERTIFIED);
    }

    @Test
    void oneCaseWithoutItsHookMakesTheRuleNotTestedEvenIfOthersPassed() {
        List<RuleResult> rules = fold(replacing("TSM-09", outcome("TSM-09", TestStatus.PASSED, ""),
                outcome("TSM-09", TestStatus.NOT_TESTED, "needs test hook FUNCTION_TSM_OPS")));

        assertThat(rule(rules, "TSM-09").status()).isEqualTo(RuleStatus.NOT_TESTED);
        assertThat(ReportFolder.verdict(true, rules, List.of())).isEqualTo(Verdict.NOT_CERTIFIED);
    }

    @Test
    void aMustRuleWithoutAnyTestIsNotTestedAndNeverCertified() {
        List<RuleResult> rules = fold(replacing("TDISP-01"));

        assertThat(rule(rules, "TDISP-01").status()).isEqualTo(RuleStatus.NOT_TESTED);
        assertThat(ReportFolder.verdict(true, rules, List.of())).isEqualTo(Verdict.NOT_CERTIFIED);
    }

    @Test
    void aRuleRuledOutByAFactIsNotApplicableWithTheFactAndAllowsCertification() {
        String fact = "not applicable: the rule holds when the subject has SR-IOV virtual functions; the subject has"
                + " none (Capabilities.maxVfsPerDsm = 0)";
        List<RuleResult> rules = fold(replacing("TDISP-28", outcome("TDISP-28", TestStatus.NOT_APPLICABLE, fact),
                outcome("TDISP-28", TestStatus.NOT_APPLICABLE, fact)));

        assertThat(rule(rules, "TDISP-28").status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
        assertThat(rule(rules, "TDISP-28").reasons()).as("the fact, once").containsExactly(fact);
        assertThat(ReportFolder.verdict(true, rules, List.of())).isEqualTo(Verdict.CERTIFIED);
    }

    @Test
    void aRuleWithPassedAndNotApplicableCasesPassesAndAFailureAmongThemStillFails() {
        TestOutcomes.Outcome ruledOut = outcome("TDISP-36", TestStatus.NOT_APPLICABLE, "no SET_MMIO_ATTRIBUTE");
        assertThat(rule(fold(replacing("TDISP-36", ruledOut, outcome("TDISP-36", TestStatus.PASSED, ""))),
                "TDISP-36").status()).isEqualTo(RuleStatus.PASSED);
        assertThat(rule(fold(replacing("TDISP-36", ruledOut, outcome("TDISP-36", TestStatus.FAILED, "x"))),
                "TDISP-36").status()).isEqualTo(RuleStatus.FAILED);
    }

    @Test
    void aProfileRuleOfAProfileTheSubjectLacksIsNotApplicableButNotWhenItHasTheProfile() {
        List<TestOutcomes.Outcome> outcomes = replacing("TSM-19");

        RuleResult tdxOnly = rule(ReportFolder.rules(CATALOGUE, outcomes, Set.of(),
                Set.of(VendorProfile.INTEL_TDX_CONNECT)), "TSM-19");
        RuleResult withAmd = rule(ReportFolder.rules(CATALOGUE, outcomes, Set.of(),
                Set.of(VendorProfile.AMD_SEV_TIO)), "TSM-19");

        assertThat(tdxOnly.status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
        assertThat(tdxOnly.reasons()).singleElement().asString().contains("AMD_SEV_TIO", "INTEL_TDX_CONNECT");
        assertThat(withAmd.status()).as("declared AMD, but no test ran").isEqualTo(RuleStatus.NOT_TESTED);
    }

    @Test
    void totalsCountExecutedNotTestedAndNotApplicableTestsApart() {
        List<TestOutcomes.Outcome> outcomes = replacing("TDISP-28",
                outcome("TDISP-28", TestStatus.NOT_APPLICABLE, "no VFs"),
                outcome("TDISP-28", TestStatus.NOT_APPLICABLE, "no VFs"),
                outcome("TDISP-28", TestStatus.NOT_TESTED, "hook"),
                outcome("TDISP-28", TestStatus.FAILED, "x"));
        List<RuleResult> rules = fold(outcomes);

        CertificationReport.Totals totals = ReportFolder.totals(rules, outcomes);

        assertThat(List.of(totals.testsExecuted(), totals.testsNotTested(), totals.testsNotApplicable()))
                .isEqualTo(List.of((long) allPassing().size(), 1L, 2L));
        assertThat(List.of(totals.failed(), totals.untestable())).isEqualTo(List.of(1, 1));
    }

    @Test
    void whatToImplementFirstIsTheRefusalThatBlockedTheMostRules() {
        List<TestOutcomes.Outcome> outcomes = new ArrayList<>();
        String connect = "TsmCore.connect refused with ENOSYS";
        for (String rule : List.of("TSM-07", "TDISP-01", "TDISP-04")) {
            outcomes.add(new TestOutcomes.Outcome(rule, rule + " a", TestStatus.NOT_TESTED, "", "", connect));
            outcomes.add(new TestOutcomes.Outcome(rule, rule + " b", TestStatus.NOT_TESTED, "", "", connect));
        }
        for (int i = 0; i < 5; i++) {
            outcomes.add(new TestOutcomes.Outcome("VFIO-01", "VFIO-01 " + i, i == 0 ? TestStatus.FAILED
                    : TestStatus.NOT_TESTED, "", "", "Vfio.open refused with EBUSY"));
        }
        outcomes.add(outcome("VFIO-02", TestStatus.FAILED, "a wrong answer, not a refused step"));
        outcomes.add(new TestOutcomes.Outcome("VFIO-03", "VFIO-03 a", TestStatus.PASSED, "", "",
                "a step that was refused once and then given"));

        List<CertificationReport.Blocker> first = ReportFolder.implementFirst(outcomes);

        assertThat(first).containsExactly(new CertificationReport.Blocker("TsmCore.connect refused with ENOSYS", 3, 6),
                new CertificationReport.Blocker("Vfio.open refused with EBUSY", 1, 5));
    }

    @Test
    void aRuleWhoseCasesWereBlockedIsNotTestedAndOneFailedCaseStillFailsIt() {
        String blocked = "Rule TDISP-01 (MUST): blocked by: drive 00:01.0 to ERROR (the device reports RUN)";
        List<RuleResult> rules = fold(replacing("TDISP-01", outcome("TDISP-01", TestStatus.PASSED, ""),
                new TestOutcomes.Outcome("TDISP-01", "TDISP-01 in ERROR", TestStatus.NOT_TESTED, blocked, "",
                        "drive 00:01.0 to ERROR: the device reports RUN")));

        assertThat(rule(rules, "TDISP-01").status()).isEqualTo(RuleStatus.NOT_TESTED);
        assertThat(rule(rules, "TDISP-01").reasons()).containsExactly(blocked);
        assertThat(rule(rules, "TDISP-01").tests()).extracting(CertificationReport.TestResult::status)
                .as("its passed case is still counted").contains(TestStatus.PASSED);
        assertThat(ReportFolder.verdict(true, rules, List.of())).as("a MUST rule not tested blocks the verdict")
                .isEqualTo(Verdict.NOT_CERTIFIED);

        List<RuleResult> failing = fold(replacing("TDISP-01", outcome("TDISP-01", TestStatus.FAILED, "x"),
                new TestOutcomes.Outcome("TDISP-01", "TDISP-01 in ERROR", TestStatus.NOT_TESTED, blocked, "",
                        "drive 00:01.0 to ERROR: the device reports RUN")));
        assertThat(rule(failing, "TDISP-01").status()).isEqualTo(RuleStatus.FAILED);
    }

    @Test
    void costsAddUpByRuleByAreaAndInTotal() {
        List<TestOutcomes.Outcome> outcomes = replacing("TDISP-01",
                new TestOutcomes.Outcome("TDISP-01", "a", TestStatus.PASSED, "", "", "", new Cost(5, 40, 1)),
                new TestOutcomes.Outcome("TDISP-01", "b", TestStatus.PASSED, "", "", "", new Cost(7, 2, 1)));
        outcomes.add(new TestOutcomes.Outcome("VFIO-01", "c", TestStatus.PASSED, "", "", "", new Cost(100, 9, 2)));
        List<RuleResult> rules = fold(outcomes);

        CertificationReport.Totals totals = ReportFolder.totals(rules, outcomes);

        assertThat(rule(rules, "TDISP-01").cost()).isEqualTo(new Cost(12, 42, 2));
        assertThat(totals.areaCost()).containsEntry("TDISP", new Cost(12, 42, 2))
                .containsEntry("VFIO", new Cost(100, 9, 2));
        assertThat(totals.cost()).isEqualTo(new Cost(112, 51, 4));
        assertThat(HtmlReports.render(new CertificationReport(Verdict.CERTIFIED, true,
                new CertificationReport.Kit("0.1.0", Map.of(), CATALOGUE.rules().size()),
                new CertificationReport.Implementation("x", "x", List.of(), Map.of(), Optional.empty()),
                new CertificationReport.Environment("17", "linux", Optional.empty(), 1, Map.of(), List.of()),
                totals, rules, List.of(), List.of()))).contains("id=\"cost\"", "<td>VFIO</td><td>100</td><td>9</td>");
    }

    @Test
    void aSelectionIsNotACertificationRunAndProblemsPreventCertification() {
        List<RuleResult> rules = fold(allPassing());

        assertThat(ReportFolder.verdict(false, rules, List.of())).isEqualTo(Verdict.NOT_A_CERTIFICATION_RUN);
        assertThat(ReportFolder.verdict(true, rules, List.of("no test ran"))).isEqualTo(Verdict.NOT_CERTIFIED);
    }

    @Test
    void theReportsRoundTripAndTheHtmlShowsVerdictRulesAndReasons(@TempDir Path directory) throws IOException {
        List<TestOutcomes.Outcome> outcomes = replacing("TDISP-28",
                outcome("TDISP-28", TestStatus.NOT_APPLICABLE, "the subject has none"));
        List<RuleResult> rules = fold(outcomes);
        CertificationReport report = new CertificationReport(Verdict.CERTIFIED, true,
                new CertificationReport.Kit("0.1.0", Map.of("tck-tests.jar", "ab"), CATALOGUE.rules().size()),
                new CertificationReport.Implementation("x.Provider", "x", List.of("g:a:1"), Map.of("a.jar", "cd"),
                        Optional.of(new CertificationReport.Declared(List.of("GENERIC_LINK"), 1, 1, 0, List.of()))),
                new CertificationReport.Environment("17", "linux", Optional.empty(), 1, Map.of(), List.of()),
                ReportFolder.totals(rules, outcomes), rules, List.of(),
                List.of(new CertificationReport.Blocker("TsmCore.connect refused with ENOSYS", 80, 700)));

        assertThat(JsonReports.read(JsonReports.write(report, directory))).isEqualTo(report);
        String html = HtmlReports.render(report);
        assertThat(html).contains("id=\"verdict\" class=\"CERTIFIED\"", "<tr id=\"TDISP-01\">", "<tr id=\"SEC-04\">",
                "the subject has none", "1 DSM(s), 1 PF(s) and 0 VF(s) per DSM",
                "TsmCore.connect refused with ENOSYS");
    }

    @Test
    void theHtmlPutsFailedRulesWithTheirTranscriptFirstThenWhatWasNotObserved() {
        List<TestOutcomes.Outcome> outcomes = replacing("TDISP-01",
                new TestOutcomes.Outcome("TDISP-01", "lock in RUN", TestStatus.FAILED, "Rule TDISP-01: expected x",
                        "kit -> tcp://127.0.0.1:2323: SPDM KEY_EXCHANGE, version 0x12 (12e4)"));
        outcomes.removeIf(o -> o.ruleId().equals("TDISP-02"));
        outcomes.add(new TestOutcomes.Outcome("TDISP-02", "report in ERROR", TestStatus.NOT_TESTED,
                "blocked by: drive 00:01.0 to ERROR (the device reports RUN)", "", "drive"));
        List<RuleResult> rules = fold(outcomes);

        String html = HtmlReports.render(new CertificationReport(Verdict.NOT_CERTIFIED, true,
                new CertificationReport.Kit("0.1.0", Map.of(), CATALOGUE.rules().size()),
                new CertificationReport.Implementation("x", "x", List.of(), Map.of(), Optional.empty()),
                new CertificationReport.Environment("17", "linux", Optional.empty(), 1, Map.of(), List.of()),
                ReportFolder.totals(rules, outcomes), rules, List.of(), List.of()));

        assertThat(html).contains("SPDM KEY_EXCHANGE", "Rule TDISP-01: expected x",
                "blocked by: drive 00:01.0 to ERROR (the device reports RUN)");
        assertThat(html.indexOf("id=\"failures\"")).as("failures come first").isPositive()
                .isLessThan(html.indexOf("id=\"not-observed\"")).isLessThan(html.indexOf("<h2>Rules</h2>"));
    }

    @Test
    void theHumanPageListsEveryRule() {
        String page = CataloguePage.markdown(CATALOGUE);

        assertThat(CATALOGUE.rules()).allSatisfy(rule -> assertThat(page).contains("| " + rule.id() + " |"));
    }
}
