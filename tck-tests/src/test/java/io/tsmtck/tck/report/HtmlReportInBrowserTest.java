package io.tsmtck.tck.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.RuleStatus;
import io.tsmtck.tck.report.CertificationReport.TestResult;
import io.tsmtck.tck.report.CertificationReport.TestStatus;
import io.tsmtck.tck.report.CertificationReport.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a reviewer sees it: rendered by a real headless Chromium (Debian's
 * {@code chromium}, which {@code .ci/run} installs), whose DOM must show the verdict, the rule table
 * and the failure details with hint and transcript.
 */
class HtmlReportInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static CertificationReport sample() {
        List<RuleResult> rules = new ArrayList<>();
        rules.add(new RuleResult("TDISP-01", "MUST", "TDISP", "LOCK outside CONFIG_UNLOCKED is refused.",
                "PCIe Base 6.x §11.3.8", "PCIE", "Check the state first.", List.of(), RuleStatus.PASSED, List.of(),
                CertificationReport.Cost.NONE,
                List.of(new TestResult("StateTableTest.lock [1]", TestStatus.PASSED, "", ""))));
        rules.add(new RuleResult("VFIO-01", "MUST", "VFIO", "Bind is refused while a BAR is mmapped.",
                "dri-devel 2025-01-20", "PROPOSAL", "Track VMAs of BAR mmaps.", List.of(), RuleStatus.FAILED, List.of(),
                new CertificationReport.Cost(12, 40, 1),
                List.of(new TestResult("BindDutiesTest.bind [1]", TestStatus.FAILED, "expected a refusal <but> got DONE",
                        "> TDISP 1085 < 1005"))));
        return new CertificationReport(Verdict.NOT_CERTIFIED, true,
                new CertificationReport.Kit("0.1.0", Map.of("tck-tests.jar", "ab12"), 2),
                new CertificationReport.Implementation("acme.Provider", "ACME", List.of("acme:impl:1"),
                        Map.of("impl.jar", "cd34"), Optional.empty()),
                new CertificationReport.Environment("17", "linux", Optional.of("3.8.7"), 7, Map.of(), List.of()),
                new CertificationReport.Totals(2, 2, 1, 1, 0, 0, 0, 0, 2, 0, 0,
                        new CertificationReport.Cost(12, 40, 1), Map.of()), rules, List.of(), List.of());
    }

    @Test
    void chromiumRendersTheVerdictTheRuleTableAndTheFailure(@TempDir Path directory) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "needs Debian's chromium at /usr/bin/chromium (.ci/run installs it)");
        Path page = HtmlReports.write(sample(), directory);

        String dom = dumpDom(page, directory.resolve("profile"));

        assertThat(dom).contains("NOT_CERTIFIED", "<tr id=\"TDISP-01\">", "<tr id=\"VFIO-01\">",
                "Track VMAs of BAR mmaps.", "&gt; TDISP 1085 &lt; 1005", "acme:impl:1", "cd34");
    }

    private static String dumpDom(Path page, Path profile) throws IOException, InterruptedException {
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = chromium.getInputStream().readAllBytes();
        assertThat(chromium.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
