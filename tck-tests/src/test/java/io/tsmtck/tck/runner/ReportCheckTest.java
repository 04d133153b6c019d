package io.tsmtck.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.VendorProfile;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.TestStatus;
import io.tsmtck.tck.report.CertificationReport.Verdict;
import io.tsmtck.tck.report.JsonReports;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin judges a report only when it is the run it watched. */
class ReportCheckTest {

    private static final String NONCE = "00112233445566778899aabbccddeeff";

    @TempDir
    Path directory;
    private File jar;
    private List<TestOutcomes.Outcome> outcomes;

    @BeforeEach
    void run() throws IOException {
        jar = Files.writeString(directory.resolve("acme-impl-1.0.jar"), "the implementation's jar").toFile();
        outcomes = List.of(
                new TestOutcomes.Outcome("VFIO-01", "BindDutiesTest.bind [1]", TestStatus.PASSED, "", ""),
                new TestOutcomes.Outcome("VFIO-06", "BindDutiesTest.unbind [1]", TestStatus.FAILED, "x", ""));
        try (ProgressLog log = new ProgressLog(directory, new PrintStream(OutputStream.nullOutputStream()))) {
            for (TestOutcomes.Outcome outcome : outcomes) {
                log.started(outcome.ruleId(), outcome.name());
                log.finished(outcome);
            }
        }
        JsonReports.mapper().writeValue(directory.resolve(ReportFiles.IDENTITY).toFile(), new RunIdentity(
                kit(), implementation(Hashes.sha256(jar.toPath())), environment(NONCE)));
    }

    private static CertificationReport.Kit kit() {
        return new CertificationReport.Kit("0.1.0", Map.of(), Catalogue.standard().rules().size());
    }

    private static CertificationReport.Implementation implementation(String sha) {
        return new CertificationReport.Implementation("acme.Provider", "acme", List.of(),
                Map.of("acme-impl-1.0.jar", sha), Optional.empty());
    }

    private static CertificationReport.Environment environment(String nonce) {
        return new CertificationReport.Environment("17", "linux", Optional.empty(), 1, Map.of(), List.of(), nonce);
    }

    private CertificationReport report(Verdict verdict, String nonce, List<TestOutcomes.Outcome> tests, String sha) {
        List<RuleResult> rules = ReportFolder.rules(Catalogue.standard(), tests, Set.of(),
                EnumSet.allOf(VendorProfile.class));
        return new CertificationReport(verdict, true, kit(), implementation(sha), environment(nonce),
                ReportFolder.totals(rules, tests), rules, List.of(), List.of());
    }

    private List<String> check(CertificationReport report) throws IOException {
        return ReportCheck.inconsistencies(report, directory, NONCE, List.of(jar));
    }

    private String sha() throws IOException {
        return Hashes.sha256(jar.toPath());
    }

    @Test
    void theRunsOwnReportIsConsistent() throws IOException {
        assertThat(check(report(Verdict.NOT_CERTIFIED, NONCE, outcomes, sha()))).isEmpty();
    }

    @Test
    void anotherRunsReportCarriesAnotherNonce() throws IOException {
        assertThat(check(report(Verdict.NOT_CERTIFIED, "ffff", outcomes, sha()))).containsExactly(
                "it carries the nonce 'ffff', not the one the plugin handed this run: it is not this run's report",
                "its nonce differs from the one in run-identity.json");
    }

    @Test
    void aReportWhoseTestsAreNotThoseLoggedOrWhoseVerdictDeniesAFailureIsCaught() throws IOException {
        List<TestOutcomes.Outcome> allPassed = List.of(outcomes.get(0),
                new TestOutcomes.Outcome("VFIO-06", "BindDutiesTest.unbind [1]", TestStatus.PASSED, "", ""));

        assertThat(check(report(Verdict.CERTIFIED, NONCE, allPassed, sha()))).anySatisfy(problem -> assertThat(problem)
                .contains("its tests are not those the progress log saw finish (2 finished, 2 reported; reported,"
                        + " not logged: VFIO-06 PASSED BindDutiesTest.unbind [1])"))
                .anySatisfy(problem -> assertThat(problem).contains("it is CERTIFIED although the MUST rule VFIO-06"
                        + " has a test FAILED in the progress log"));
    }

    @Test
    void aTestStartedAndNeverFinishedIsCaught() throws IOException {
        Files.writeString(directory.resolve(IncompleteReports.PROGRESS_FILE), "VFIO-03\tSTARTED\tBindDutiesTest.x [1]\n",
                java.nio.file.StandardOpenOption.APPEND);

        assertThat(check(report(Verdict.NOT_CERTIFIED, NONCE, outcomes, sha()))).singleElement().asString()
                .isEqualTo("1 test(s) started and never finished, first BindDutiesTest.x [1] of rule VFIO-03");
    }

    @Test
    void aHashOfAnotherJarOrOfAJarNotRunIsCaught() throws IOException {
        assertThat(check(report(Verdict.NOT_CERTIFIED, NONCE, outcomes, "00"))).anySatisfy(problem -> assertThat(
                problem).contains("its SHA-256 of acme-impl-1.0.jar is not that of the jar on the run's classpath"))
                .anySatisfy(problem -> assertThat(problem).contains("it names the implementation acme.Provider"));
        assertThat(ReportCheck.inconsistencies(report(Verdict.NOT_CERTIFIED, NONCE, outcomes, sha()), directory, NONCE,
                List.of())).singleElement().asString().isEqualTo("it hashes acme-impl-1.0.jar, which is not on the"
                + " run's classpath");
    }
}
