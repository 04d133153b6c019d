package io.tsmtck.emu.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.JsonReports;
import io.tsmtck.tck.report.ReportComparison;
import io.tsmtck.tck.runner.RunConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two device-kit runs of the reference device, one with a fault, compared rule by rule: the
 * comparison names exactly the fault's rule, and nothing the two runs share.
 */
class CompareReportsTest {

    private static final long SEED = 0x2026_1207L;

    /** A device-kit run of the reference device with {@code faults}, its report written as the plugin writes it. */
    private static Path certify(String faults, String directory) throws IOException {
        CertificationReport report = SameSeedTest.certify(SEED, faults, directory, Optional.of(
                new RunConfig.DeviceRun(Optional.empty(), KitRun.TRUST_ANCHOR, List.of(), Optional.empty(), false)));
        return JsonReports.write(report, Path.of("target", "same-seed", directory));
    }

    @Test
    void aFaultyBuildAgainstACorrectOneNamesExactlyTheFaultsRule() throws IOException {
        Path correct = certify("", "compare-correct");
        Path faulty = certify("TDISP_NONCE_REUSED", "compare-faulty");

        ReportComparison compared = ReportComparison.of(correct, faulty);

        assertThat(compared.changes()).extracting(c -> c.rule() + " " + c.kind())
                .containsExactly("TDISP-06 NEWLY_FAILED");
        assertThat(compared.hasNewFailures()).isTrue();
        assertThat(ReportComparison.of(faulty, correct).changes()).extracting(c -> c.rule() + " " + c.kind())
                .containsExactly("TDISP-06 NEWLY_PASSED");
    }
}
