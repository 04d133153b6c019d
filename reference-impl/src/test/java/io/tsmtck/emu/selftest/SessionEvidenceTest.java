package io.tsmtck.emu.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.runner.KitRunner;
import io.tsmtck.tck.runner.RunConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A device report ties each test to the sessions it opened with the device: their ids and the hashes of their
 * transcripts TH2, which the device's KEY_EXCHANGE_RSP signature and verify data bind to its key and to that
 * run's nonces (issue "Reports reviewers and CI can trust").
 */
class SessionEvidenceTest {

    /** SHA-384, the reference device's hash, in hex. */
    private static final String TH2_HASH = "[0-9a-f]{96}";

    @Test
    void everyTestOfTheDeviceKitNamesTheSessionsItOpenedByTheirTranscriptHash() {
        System.setProperty(FaultPlan.PROPERTY, "");
        System.setProperty(KitConfig.TRUST_ANCHOR, KitRun.TRUST_ANCHOR);
        CertificationReport report;
        try {
            report = KitRunner.run(new RunConfig(Path.of("target", "session-evidence").toString(),
                    List.of("SPDM-23", "TDISP-01"), List.of(), Optional.of(KitConfig.seed()), Optional.empty(),
                    Optional.empty(), Optional.empty(), false, Optional.empty(), List.of(), Optional.empty(),
                    Optional.of(new RunConfig.DeviceRun(Optional.empty(), KitRun.TRUST_ANCHOR, List.of(),
                            Optional.empty(), false))), outcome -> { });
        } finally {
            System.clearProperty(FaultPlan.PROPERTY);
        }
        List<CertificationReport.TestResult> tests = report.rules().stream().flatMap(rule -> rule.tests().stream())
                .toList();
        List<String> sessions = tests.stream().flatMap(test -> test.sessions().stream()).toList();

        assertThat(tests).as("tests of SPDM-23 and TDISP-01").hasSizeGreaterThan(9);
        // a FINISH with a flipped verify data opens no session; every other test opens the kit's or its own
        assertThat(tests.stream().filter(test -> test.sessions().isEmpty() != test.name().contains("flipped"))
                .map(test -> test.name() + ": " + test.sessions()).collect(Collectors.toList()))
                .as("tests that name no session though one opened, or one though none did (each test meets a new device)")
                .isEmpty();
        assertThat(sessions).as("sessions named by the tests: \"0x<session id> <TH2 hash>\"")
                .allMatch(line -> line.matches("0x[0-9a-f]{8} " + TH2_HASH), "a session id and a SHA-384 TH2 hash");
        // the same seed draws the same nonces for each test's new device, so tests may repeat a hash; within a test
        // every session has a transcript of its own
        assertThat(tests.stream().filter(test -> test.sessions().stream().map(line -> line.split(" ")[1]).distinct()
                .count() != test.sessions().size()).map(CertificationReport.TestResult::name).toList())
                .as("tests that name one transcript for two sessions").isEmpty();
    }
}
