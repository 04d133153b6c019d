package io.tsmtck.emu.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.tck.config.KitConfig;
import io.tsmtck.tck.report.CertificationReport.TestResult;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.runner.KitRunner;
import io.tsmtck.tck.runner.RunConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A run is replayable: the kit run twice with the same seed against the same implementation gives
 * the same result for every rule, down to each test's status and message (which carry the nonces
 * the seeded stacks drew); a different seed draws other nonces.
 */
class SameSeedTest {

    /** Faults whose failures show drawn nonces (a wrong START nonce is derived from the drawn one). */
    private static final String FAULTS = "TDISP_START_IGNORES_NONCE,VFIO_BIND_WHILE_MAPPED";

    /** Rule id to its status and every test's name, status and message, in a stable order. */
    private static Map<String, String> run(long seed, String directory) {
        Map<String, String> rules = new TreeMap<>();
        for (CertificationReport report : List.of(certify(seed, FAULTS, directory, Optional.empty()),
                certify(seed, FAULTS, directory + "-device", Optional.of(new RunConfig.DeviceRun(Optional.empty(),
                        KitRun.TRUST_ANCHOR, List.of(), Optional.empty(), false))))) {
            report.rules().forEach(rule -> rules.put(rule.id(), rule.status() + " " + rule.tests().stream()
                    .map(SameSeedTest::describe).sorted().collect(Collectors.joining(" | "))));
        }
        return rules;
    }

    /** One in-process run of the kit's runner against the reference with {@code faults}. */
    static CertificationReport certify(long seed, String faults, String directory) {
        return certify(seed, faults, directory, Optional.empty());
    }

    /**
     * One in-process run of the kit's runner against the reference with {@code faults}: the host kit,
     * or with {@code device} the device kit against the reference device.
     */
    static CertificationReport certify(long seed, String faults, String directory,
                                       Optional<RunConfig.DeviceRun> device) {
        System.setProperty(FaultPlan.PROPERTY, faults);
        System.setProperty(KitConfig.TIMEOUT_ABSENT, "1");
        System.setProperty(KitConfig.TIMEOUT_HAPPEN, "20");
        try {
            RunConfig config = new RunConfig(Path.of("target", "same-seed", directory).toString(), List.of(), List.of(),
                    Optional.of(seed), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(),
                    List.of(), Optional.empty(), device);
            device.ifPresent(d -> System.setProperty(KitConfig.TRUST_ANCHOR, d.trustAnchor()));
            device.filter(RunConfig.DeviceRun::plaintext).ifPresent(d -> System.setProperty(KitConfig.PLAINTEXT, "true"));
            System.setProperty(KitConfig.SEED, Long.toString(seed));
            return KitRunner.run(config, outcome -> { });
        } finally {
            System.clearProperty(FaultPlan.PROPERTY);
            System.clearProperty(KitConfig.TIMEOUT_ABSENT);
            System.clearProperty(KitConfig.TIMEOUT_HAPPEN);
            System.clearProperty(KitConfig.SEED);
            System.clearProperty(KitConfig.PLAINTEXT);
        }
    }

    /** A test's result; the transcript's waits ("after 3 ms") are the one thing a seed does not fix. */
    private static String describe(TestResult test) {
        return test.name() + " " + test.status() + " " + test.message() + " "
                + test.transcript().replaceAll("after \\d+ ms", "after (time) ms");
    }

    @Test
    void theSameSeedGivesTheSameResultForEveryRuleAndAnotherSeedOtherNonces() {
        Map<String, String> first = run(0x5eed, "first");
        Map<String, String> second = run(0x5eed, "second");
        Map<String, String> other = run(0x5eed + 1, "other-seed");

        List<String> differing = first.keySet().stream().filter(id -> !first.get(id).equals(second.get(id)))
                .map(id -> id + ": first run " + first.get(id) + "\n  second run " + second.get(id))
                .collect(Collectors.toList());
        assertThat(differing).as("rules whose result differs in a second run with the same seed").isEmpty();
        assertThat(first.get("TDISP-04")).as("TDISP-04 fails against TDISP_START_IGNORES_NONCE").startsWith("FAILED");
        assertThat(other.get("TDISP-04")).as("another seed draws other nonces").isNotEqualTo(first.get("TDISP-04"));
        assertThat(other.keySet()).isEqualTo(first.keySet());
    }
}
