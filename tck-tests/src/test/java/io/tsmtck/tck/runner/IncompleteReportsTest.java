package io.tsmtck.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.tck.report.CertificationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a fork that ended early, from its progress log, even one it was writing when it died. */
class IncompleteReportsTest {

    private static RunConfig config(Path directory) {
        return new RunConfig(directory.toString(), List.of(), List.of(), Optional.of(7L), Optional.empty(),
                Optional.empty(), Optional.empty(), false, Optional.of("3.8.7"), List.of("acme:impl:1"),
                Optional.of("acme.Provider"));
    }

    @Test
    void theTestThatWasRunningIsNamedAndATornLastLineIsIgnored(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve(IncompleteReports.PROGRESS_FILE), String.join("\n",
                "TDISP-01\tSTARTED\tStateTableTest.lock [1]",
                "TDISP-01\tPASSED\tStateTableTest.lock [1]",
                "VFIO-01\tSTARTED\tBindDutiesTest.bind [1]",
                "TDISP-02\tPASS"));

        CertificationReport report = IncompleteReports.from(directory, config(directory), "the fork was killed");

        assertThat(report.complete()).isFalse();
        assertThat(report.problems().get(0))
                .isEqualTo("the fork was killed while the test BindDutiesTest.bind [1] of rule VFIO-01 was running");
        assertThat(report.totals().testsExecuted()).isEqualTo(1);
        assertThat(report.environment().seed()).as("the run's seed, not 0").isEqualTo(7);
        assertThat(report.implementation().provider()).isEqualTo("acme.Provider");
    }

    @Test
    void everyTestRunningAtOnceIsNamed(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve(IncompleteReports.PROGRESS_FILE), String.join("\n",
                "VFIO-01\tSTARTED\tBindDutiesTest.bind [1]",
                "TSM-01\tSTARTED\tConnectTest.connect [2]",
                "TSM-02\tSTARTED\tConnectTest.twice [1]",
                "TSM-02\tPASSED\tConnectTest.twice [1]"));

        CertificationReport report = IncompleteReports.from(directory, config(directory), "the fork exited");

        assertThat(report.problems().get(0)).isEqualTo("the fork exited while 2 tests were running (the kit runs tests"
                + " at once; one of them did it): the test BindDutiesTest.bind [1] of rule VFIO-01; the test"
                + " ConnectTest.connect [2] of rule TSM-01");
    }

    @Test
    void everyMessageAlreadyKnownIsKeptWhateverItHolds(@TempDir Path directory) throws IOException {
        String message = "Rule VFIO-01 (MUST): expected:\n  INVALID_INTERFACE_STATE\tback\\slash \\n\r\nend";
        try (ProgressLog log = new ProgressLog(directory, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))) {
            log.started("VFIO-01", "BindDutiesTest.bind [1]");
            log.finished(new TestOutcomes.Outcome("VFIO-01", "BindDutiesTest.bind [1]",
                    CertificationReport.TestStatus.NOT_TESTED, message, "", "TsmCore.connect refused with ENOSYS"));
            log.started("VFIO-02", "BindDutiesTest.unbind [1]");
        }

        CertificationReport report = IncompleteReports.from(directory, config(directory), "the fork was killed");

        CertificationReport.RuleResult rule = report.rules().stream().filter(r -> r.id().equals("VFIO-01"))
                .findFirst().orElseThrow();
        assertThat(rule.status()).isEqualTo(CertificationReport.RuleStatus.NOT_TESTED);
        assertThat(rule.tests()).singleElement().extracting(CertificationReport.TestResult::message).isEqualTo(message);
        assertThat(rule.reasons()).containsExactly(message);
        assertThat(report.implementFirst()).as("read back with its blocker")
                .containsExactly(new CertificationReport.Blocker("TsmCore.connect refused with ENOSYS", 1, 1));
    }
}
