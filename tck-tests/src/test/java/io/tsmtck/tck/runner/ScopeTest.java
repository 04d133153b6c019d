package io.tsmtck.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.UapiExtension;
import io.tsmtck.api.UapiLevel;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.CertificationProfile;
import io.tsmtck.tck.catalogue.Kit;
import io.tsmtck.tck.catalogue.Rule;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.RuleStatus;
import io.tsmtck.tck.report.CertificationReport.TestStatus;
import io.tsmtck.tck.report.CertificationReport.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a host certificate covers: the certification profile (the catalogue's, never the provider's)
 * and the declared kernel uAPI; rules outside are NOT_APPLICABLE with the fact, rules inside still
 * block CERTIFIED when they did not pass, and a report that moves a rule across the line is refused.
 */
class ScopeTest {

    private static final Catalogue HOST = Catalogue.standard().of(Kit.HOST);
    private static final UapiLevel EVERYTHING = UapiLevel.mainline("6.19").with(UapiExtension.values());
    private static final UapiLevel MAINLINE = UapiLevel.mainline("6.19");

    /** A passing test for every testable rule {@code scope} keeps, none for the others (the runner filters them). */
    private static List<TestOutcomes.Outcome> passingIn(ReportFolder.Scope scope) {
        List<TestOutcomes.Outcome> outcomes = new ArrayList<>();
        for (Rule rule : HOST.rules()) {
            if (rule.isTestable() && scope.excludes(rule).isEmpty()) {
                outcomes.add(new TestOutcomes.Outcome(rule.id(), rule.id() + " case", TestStatus.PASSED, "", ""));
            }
        }
        return outcomes;
    }

    private static List<RuleResult> fold(List<TestOutcomes.Outcome> outcomes, ReportFolder.Scope scope) {
        return ReportFolder.rules(HOST, outcomes, Set.of(), EnumSet.allOf(VendorProfile.class), scope);
    }

    private static RuleResult rule(List<RuleResult> rules, String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theUapiProfileHoldsExactlyTheHostRulesThatNeedNoHook() {
        List<String> in = HOST.rules().stream().filter(CertificationProfile.UAPI::includes).map(Rule::id).toList();
        List<String> hookless = HOST.rules().stream().filter(r -> r.hooks().isEmpty()).map(Rule::id).toList();

        assertThat(in).isEqualTo(hookless).contains("TSM-01", "VFIO-12").doesNotContain("TSM-08", "TSM-09");
        assertThat(HOST.rules()).allMatch(CertificationProfile.LAB::includes);
        assertThat(Catalogue.standard().of(Kit.DEVICE).rules()).allMatch(CertificationProfile.UAPI::includes);
    }

    @Test
    void rulesOutsideTheProfileOrTheLevelAreNotApplicableWithTheFactAndTheRestCertifies() {
        ReportFolder.Scope scope = new ReportFolder.Scope(CertificationProfile.UAPI, MAINLINE);
        List<RuleResult> rules = fold(passingIn(scope), scope);

        assertThat(rule(rules, "TSM-08").status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
        assertThat(rule(rules, "TSM-08").reasons()).singleElement().asString()
                .startsWith("outside the uapi profile: the rule needs the test hooks [TDI_PROBE]");
        assertThat(rule(rules, "IOMMUFD-12").status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
        assertThat(rule(rules, "IOMMUFD-12").reasons()).singleElement().asString()
                .contains("the rule needs iommufd TSM v5", "declared uAPI, mainline 6.19, does not have");
        assertThat(rule(rules, "TSM-01").status()).isEqualTo(RuleStatus.PASSED);
        assertThat(ReportFolder.verdict(true, rules, List.of())).isEqualTo(Verdict.CERTIFIED);
    }

    @Test
    void aRuleOfTheProfileThatDidNotRunStillBlocksCertified() {
        ReportFolder.Scope scope = new ReportFolder.Scope(CertificationProfile.UAPI, EVERYTHING);
        List<TestOutcomes.Outcome> outcomes = passingIn(scope).stream().filter(o -> !o.ruleId().equals("TSM-16"))
                .collect(Collectors.toCollection(ArrayList::new));

        List<RuleResult> rules = fold(outcomes, scope);

        assertThat(rule(rules, "TSM-16").status()).isEqualTo(RuleStatus.NOT_TESTED);
        assertThat(ReportFolder.verdict(true, rules, List.of())).isEqualTo(Verdict.NOT_CERTIFIED);
    }

    @Test
    void aTestThatRanIsNeverHiddenAsOutOfScope() {
        ReportFolder.Scope scope = new ReportFolder.Scope(CertificationProfile.UAPI, MAINLINE);
        List<TestOutcomes.Outcome> outcomes = new ArrayList<>(passingIn(scope));
        outcomes.add(new TestOutcomes.Outcome("TSM-08", "TSM-08 case", TestStatus.FAILED, "expected x", ""));

        assertThat(rule(fold(outcomes, scope), "TSM-08").status()).isEqualTo(RuleStatus.FAILED);
    }

    @Test
    void theLevelNamesWhatItCovers() {
        assertThat(MAINLINE.describe()).isEqualTo("mainline 6.19");
        assertThat(UapiLevel.MAINLINE.describe()).isEqualTo("mainline");
        assertThat(MAINLINE.with(UapiExtension.IOMMUFD_TSM_V5).describe()).isEqualTo("mainline 6.19 + iommufd TSM v5");
        assertThat(CertificationProfile.parse(" UAPI ")).isEqualTo(CertificationProfile.UAPI);
        assertThatThrownBy(() -> CertificationProfile.parse("production")).hasMessageContaining("give uapi")
                .hasMessageContaining("or lab");
    }

    @Test
    void aReportThatMovesARuleAcrossTheLineIsRefused() {
        RunConfig config = new RunConfig("out", List.of(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), List.of(), Optional.empty())
                .inProfile(CertificationProfile.UAPI);
        ReportFolder.Scope scope = new ReportFolder.Scope(CertificationProfile.UAPI, MAINLINE);
        List<RuleResult> honest = fold(passingIn(scope), scope);

        assertThat(ReportCheck.againstScope(report(honest, "uapi"), config)).isEmpty();
        // a rule of the profile claimed to be outside it
        List<RuleResult> forged = new ArrayList<>(honest);
        forged.replaceAll(r -> r.id().equals("TSM-01") ? new RuleResult(r.id(), r.level(), r.area(), r.statement(),
                r.source(), r.provenance(), r.hint(), r.conditions(), RuleStatus.NOT_APPLICABLE,
                rule(honest, "TSM-08").reasons(), r.cost(), List.of()) : r);
        assertThat(ReportCheck.againstScope(report(forged, "uapi"), config)).singleElement().asString()
                .contains("TSM-01 NOT_APPLICABLE as outside its scope");
        // another profile than the one asked for
        assertThat(ReportCheck.againstScope(report(honest, "lab"), config)).singleElement().asString()
                .contains("names the profile 'lab' where the plugin asked for 'uapi'");
    }

    private static CertificationReport report(List<RuleResult> rules, String profile) {
        return new CertificationReport(Verdict.CERTIFIED, true, new CertificationReport.Kit("0.1.0", Map.of(),
                rules.size()), new CertificationReport.Implementation("x", "x", List.of(), Map.of(),
                Optional.of(new CertificationReport.Declared(List.of("GENERIC_LINK"), 1, 1, 0, List.of(), 0, 0,
                        List.of(), MAINLINE.describe(), "6.19", List.of()))),
                new CertificationReport.Environment("17", "linux", Optional.empty(), 1, Map.of(), List.of(), "",
                        profile), ReportFolder.totals(rules, List.of()), rules, List.of(), List.of());
    }
}
