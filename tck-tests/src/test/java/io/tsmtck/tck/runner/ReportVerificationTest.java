package io.tsmtck.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.VendorProfile;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.Kit;
import io.tsmtck.tck.catalogue.Rule;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.RuleStatus;
import io.tsmtck.tck.report.CertificationReport.TestResult;
import io.tsmtck.tck.report.CertificationReport.TestStatus;
import io.tsmtck.tck.report.CertificationReport.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify-report}: a report as the kit writes it passes every check; one edited afterwards (a
 * verdict flipped, a FAILED test made PASSED with its rule and verdict, a rule deleted or reworded, the
 * catalogue digest of another kit) fails the check that covers it, and no other passes for it.
 */
class ReportVerificationTest {

    private static final Catalogue HOST = Catalogue.standard().of(Kit.HOST);

    @TempDir
    Path directory;
    private List<TestOutcomes.Outcome> outcomes;

    /** Every testable host rule passes but VFIO-12, which fails; the progress log has it so. */
    @BeforeEach
    void run() throws IOException {
        outcomes = new ArrayList<>();
        for (Rule rule : HOST.rules()) {
            if (rule.isTestable()) {
                TestStatus status = rule.id().equals("VFIO-12") ? TestStatus.FAILED : TestStatus.PASSED;
                outcomes.add(new TestOutcomes.Outcome(rule.id(), rule.id() + " [1]", status,
                        status == TestStatus.FAILED ? "Rule VFIO-12: expected EINVAL" : "", ""));
            }
        }
        try (ProgressLog log = new ProgressLog(directory, new PrintStream(OutputStream.nullOutputStream()))) {
            outcomes.forEach(o -> {
                log.started(o.ruleId(), o.name());
                log.finished(o);
            });
        }
    }

    private CertificationReport honest() {
        List<RuleResult> rules = ReportFolder.rules(HOST, outcomes, KitRunner.excludedRules(),
                EnumSet.allOf(VendorProfile.class));
        return new CertificationReport(ReportFolder.verdict(true, rules, List.of()), true,
                new CertificationReport.Kit(KitRunner.kitVersion(), Map.of("a.jar", "1", "b.jar", "2"),
                        HOST.rules().size(), Catalogue.sha256()),
                new CertificationReport.Implementation("acme.Provider", "acme", List.of(), Map.of("i.jar", "3"),
                        Optional.of(new CertificationReport.Declared(List.of("GENERIC_LINK", "AMD_SEV_TIO",
                                "INTEL_TDX_CONNECT", "ARM_CCA"), 1, 1, 0, List.of()))),
                new CertificationReport.Environment("17", "linux", Optional.empty(), 1, Map.of(), List.of()),
                ReportFolder.totals(rules, outcomes), rules, List.of(), List.of());
    }

    private List<String> failing(CertificationReport report) throws IOException {
        return ReportVerification.verify(report, directory).stream().filter(c -> !c.holds())
                .map(c -> c.what() + ": " + c.found()).toList();
    }

    private static CertificationReport withRules(CertificationReport r, UnaryOperator<List<RuleResult>> edit) {
        return new CertificationReport(r.verdict(), r.complete(), r.kit(), r.implementation(), r.environment(),
                r.totals(), edit.apply(new ArrayList<>(r.rules())), r.problems(), r.implementFirst());
    }

    private static CertificationReport withVerdict(CertificationReport r, Verdict verdict) {
        return new CertificationReport(verdict, r.complete(), r.kit(), r.implementation(), r.environment(),
                r.totals(), r.rules(), r.problems(), r.implementFirst());
    }

    @Test
    void theKitsOwnReportPassesEveryCheck() throws IOException {
        CertificationReport report = honest();

        assertThat(report.verdict()).isEqualTo(Verdict.NOT_CERTIFIED);
        assertThat(ReportVerification.verify(report, directory)).hasSize(7).allMatch(ReportVerification.Check::holds);
    }

    @Test
    void aFlippedVerdictIsCaught() throws IOException {
        assertThat(failing(withVerdict(honest(), Verdict.CERTIFIED))).hasSize(2)
                .anySatisfy(f -> assertThat(f).startsWith("the verdict follows").contains("the verdict is CERTIFIED,"
                        + " its rules and problems make it NOT_CERTIFIED"))
                .anySatisfy(f -> assertThat(f).contains("it is CERTIFIED although the MUST rule VFIO-12 has a test"
                        + " FAILED in the progress log"));
    }

    @Test
    void aFailedTestMadePassedWithItsRuleAndVerdictIsCaughtByTheProgressLog() throws IOException {
        CertificationReport forged = withVerdict(withRules(honest(), rules -> {
            rules.replaceAll(r -> r.id().equals("VFIO-12") ? new RuleResult(r.id(), r.level(), r.area(), r.statement(),
                    r.source(), r.provenance(), r.hint(), r.conditions(), RuleStatus.PASSED, List.of(), r.cost(),
                    List.of(new TestResult("VFIO-12 [1]", TestStatus.PASSED, "", ""))) : r);
            return rules;
        }), Verdict.CERTIFIED);

        assertThat(failing(forged)).hasSize(2).anySatisfy(f -> assertThat(f).startsWith("the tests are those the run's"
                + " progress log saw").contains("reported, not logged: VFIO-12 PASSED VFIO-12 [1]"))
                .anySatisfy(f -> assertThat(f).startsWith("the totals follow"));
    }

    @Test
    void aDeletedOrRewordedRuleIsCaught() throws IOException {
        CertificationReport deleted = withRules(honest(), rules -> {
            rules.removeIf(r -> r.id().equals("TSM-01"));
            return rules;
        });
        CertificationReport reworded = withRules(honest(), rules -> {
            rules.replaceAll(r -> r.id().equals("VFIO-12") ? new RuleResult(r.id(), "SHOULD", r.area(),
                    r.statement() + " (relaxed)", r.source(), r.provenance(), r.hint(), r.conditions(), r.status(),
                    r.reasons(), r.cost(), r.tests()) : r);
            return rules;
        });

        assertThat(failing(deleted)).anySatisfy(f -> assertThat(f).startsWith("every rule of the HOST kit's")
                .contains("TSM-01 is missing"));
        assertThat(failing(reworded)).anySatisfy(f -> assertThat(f).contains("VFIO-12: its level is not the"
                + " catalogue's", "VFIO-12: its statement is not the catalogue's"));
    }

    @Test
    void anotherCataloguesReportIsCaught() throws IOException {
        CertificationReport r = honest();
        CertificationReport other = new CertificationReport(r.verdict(), r.complete(), new CertificationReport.Kit(
                r.kit().version(), r.kit().sha256(), r.kit().catalogueRules(), "00" + Catalogue.sha256().substring(2)),
                r.implementation(), r.environment(), r.totals(), r.rules(), r.problems(), r.implementFirst());

        assertThat(failing(other)).singleElement().asString().startsWith("the catalogue digest is this kit's");
    }
}
