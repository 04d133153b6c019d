package io.tsmtck.emu.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.report.CertificationReport;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reusing stacks after a verified reset ({@value KitConfig#REUSE_STACKS}) changes what a run costs,
 * never what it finds: every rule has the same status, with and without faults, and far fewer
 * stacks are built (measured: 1,315 fresh, 159 reused).
 */
class StackReuseTest {

    private static Map<String, String> statuses(CertificationReport report) {
        return report.rules().stream().collect(Collectors.toMap(CertificationReport.RuleResult::id,
                rule -> rule.status().name(), (a, b) -> a, TreeMap::new));
    }

    private static String firstFailure(CertificationReport report, String rule) {
        return report.rules().stream().filter(r -> r.id().equals(rule)).flatMap(r -> r.tests().stream())
                .filter(t -> t.status() == CertificationReport.TestStatus.FAILED).findFirst()
                .map(t -> " (" + t.name() + ": " + t.message().lines().findFirst().orElse("") + ")").orElse("");
    }

    @ParameterizedTest(name = "faults \"{0}\"")
    @ValueSource(strings = {"",
        "TDISP_NONCE_REUSED,VFIO_BIND_WHILE_MAPPED,TDISP_BAR_WRITE_NO_ERROR,IOMMUFD_CLOSED_DEVICE_CLOSE_NO_UNBIND"})
    void reuseFindsWhatFreshStacksFindForEveryRule(String faults) {
        CertificationReport fresh = SameSeedTest.certify(KitConfig.seed(), faults, "fresh");
        CertificationReport reused;
        System.setProperty(KitConfig.REUSE_STACKS, "true");
        try {
            reused = SameSeedTest.certify(KitConfig.seed(), faults, "reused");
        } finally {
            System.clearProperty(KitConfig.REUSE_STACKS);
        }
        Map<String, String> expected = statuses(fresh);
        Map<String, String> actual = statuses(reused);
        List<String> differing = expected.keySet().stream().filter(id -> !expected.get(id).equals(actual.get(id)))
                .map(id -> id + ": fresh " + expected.get(id) + ", reused " + actual.get(id)
                        + firstFailure(reused, id))
                .collect(Collectors.toList());
        System.out.printf("[reuse] faults \"%s\": %d stacks fresh, %d with reuse%n", faults,
                fresh.totals().cost().stacks(), reused.totals().cost().stacks());

        assertThat(differing).as("rules whose status differs when stacks are reused").isEmpty();
        assertThat(reused.totals().cost().stacks()).as("stacks built with reuse")
                .isLessThan(fresh.totals().cost().stacks() / 4);
    }
}
