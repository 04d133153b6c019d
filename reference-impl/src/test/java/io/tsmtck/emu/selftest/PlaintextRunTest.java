package io.tsmtck.emu.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.RuleStatus;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.runner.RunConfig;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A plaintext run, asked for explicitly, against a device that serves TDISP and IDE_KM outside any
 * session: the rules run over plaintext, what needs a session is NOT_TESTED, and the run is never
 * CERTIFIED, saying why first.
 */
class PlaintextRunTest {

    @Test
    void aPlaintextRunIsNeverCertifiedAndSaysSoOnTop() {
        CertificationReport report = SameSeedTest.certify(KitConfig.seed(), "TDISP_PLAINTEXT_ANSWERED,"
                + "IDEKM_PLAINTEXT_ANSWERED", "plaintext", Optional.of(new RunConfig.DeviceRun(Optional.empty(),
                KitRun.TRUST_ANCHOR, List.of(), Optional.empty(), true)));

        assertThat(report.verdict()).isEqualTo(CertificationReport.Verdict.NOT_CERTIFIED);
        assertThat(report.problems()).first().asString().startsWith("a plaintext run (tsm-tck.plaintext=true)");
        Set<String> notTested = ids(report, RuleStatus.NOT_TESTED);
        assertThat(notTested).as("rules that need a session").contains("TDISP-19", "TDISP-31", "IDEKM-05", "SPDM-01",
                "SPDM-02", "SPDM-03");
        assertThat(ids(report, RuleStatus.PASSED)).as("rules that ran over plaintext")
                .contains("TDISP-04", "TDISP-05", "TDISP-06", "IDEKM-01", "IDEKM-07");
        assertThat(ids(report, RuleStatus.FAILED)).as("rules failing against the reference over plaintext").isEmpty();
    }

    private static Set<String> ids(CertificationReport report, RuleStatus status) {
        return report.rules().stream().filter(r -> r.status() == status).map(RuleResult::id)
                .collect(Collectors.toSet());
    }
}
