package io.tsmtck.tck.runner;

import io.tsmtck.tck.catalogue.CertificationProfile;
import io.tsmtck.tck.catalogue.Kit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one kit run does, as the plugin hands it to the forked runner ({@code run-config.json}).
 *
 * @param outputDirectory where the reports go
 * @param rules rule ids to run; empty for all (a selection makes the run NOT_A_CERTIFICATION_RUN)
 * @param areas areas to run (tag names, e.g. {@code area-tdisp}); empty for all
 * @param seed the seed, or empty for the kit's default
 * @param timeoutHappenMillis the "must happen" timeout, or empty for the default
 * @param timeoutAbsentMillis the "must not happen" timeout, or empty for the default
 * @param testTimeoutSeconds how long one test may take before it fails, or empty for no limit
 * @param allure whether to write Allure results (into {@code allure-results} of the output directory)
 * @param maven the Maven version running the plugin, for the report
 * @param artifacts the implementation's artifact coordinates, for the report
 * @param provider the provider class to test when the classpath has several, or empty
 * @param device the device to certify with the device kit; empty for a host-kit run
 * @param profile the certification profile of a host run (lab unless set)
 */
public record RunConfig(String outputDirectory, List<String> rules, List<String> areas, Optional<Long> seed,
                        Optional<Long> timeoutHappenMillis, Optional<Long> timeoutAbsentMillis,
                        Optional<Long> testTimeoutSeconds, boolean allure, Optional<String> maven,
                        List<String> artifacts, Optional<String> provider, Optional<DeviceRun> device,
                        CertificationProfile profile) {

    /**
     * A device-kit run's subject.
     *
     * @param target {@code tcp://host:port} or {@code doe:<BDF>}; empty for the DeviceProvider on the classpath
     * @param trustAnchor the root certificate file the device's chain must end at
     * @param functions the functions to test (BDFs, PF0 first); empty for the target's PF0
     * @param provider the DeviceProvider class when the classpath has several and there is no target
     * @param plaintext a plaintext run (no secured session; never a certification)
     */
    public record DeviceRun(Optional<String> target, String trustAnchor, List<String> functions,
                            Optional<String> provider, boolean plaintext) {
        public DeviceRun {
            target = target == null ? Optional.empty() : target;
            provider = provider == null ? Optional.empty() : provider;
            Objects.requireNonNull(trustAnchor, "trustAnchor");
            functions = functions == null ? List.of() : List.copyOf(functions);
        }
    }

    /** A host-kit run in the lab profile. */
    public RunConfig(String outputDirectory, List<String> rules, List<String> areas, Optional<Long> seed,
                     Optional<Long> timeoutHappenMillis, Optional<Long> timeoutAbsentMillis,
                     Optional<Long> testTimeoutSeconds, boolean allure, Optional<String> maven,
                     List<String> artifacts, Optional<String> provider) {
        this(outputDirectory, rules, areas, seed, timeoutHappenMillis, timeoutAbsentMillis, testTimeoutSeconds, allure,
                maven, artifacts, provider, Optional.empty(), CertificationProfile.LAB);
    }

    /** A run of the device kit, or of the host kit in the lab profile. */
    public RunConfig(String outputDirectory, List<String> rules, List<String> areas, Optional<Long> seed,
                     Optional<Long> timeoutHappenMillis, Optional<Long> timeoutAbsentMillis,
                     Optional<Long> testTimeoutSeconds, boolean allure, Optional<String> maven,
                     List<String> artifacts, Optional<String> provider, Optional<DeviceRun> device) {
        this(outputDirectory, rules, areas, seed, timeoutHappenMillis, timeoutAbsentMillis, testTimeoutSeconds, allure,
                maven, artifacts, provider, device, CertificationProfile.LAB);
    }

    /** This run in {@code chosen}, the certification profile of a host run. */
    public RunConfig inProfile(CertificationProfile chosen) {
        return new RunConfig(outputDirectory, rules, areas, seed, timeoutHappenMillis, timeoutAbsentMillis,
                testTimeoutSeconds, allure, maven, artifacts, provider, device, chosen);
    }

    public RunConfig {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        rules = rules == null ? List.of() : List.copyOf(rules);
        areas = areas == null ? List.of() : List.copyOf(areas);
        seed = seed == null ? Optional.empty() : seed;
        timeoutHappenMillis = timeoutHappenMillis == null ? Optional.empty() : timeoutHappenMillis;
        timeoutAbsentMillis = timeoutAbsentMillis == null ? Optional.empty() : timeoutAbsentMillis;
        testTimeoutSeconds = testTimeoutSeconds == null ? Optional.empty() : testTimeoutSeconds;
        maven = maven == null ? Optional.empty() : maven;
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        provider = provider == null ? Optional.empty() : provider;
        device = device == null ? Optional.empty() : device;
        profile = profile == null ? CertificationProfile.LAB : profile;
    }

    /** The kit this run certifies with. */
    public Kit kit() {
        return device.isPresent() ? Kit.DEVICE : Kit.HOST;
    }

    /** Whether the run is the whole kit. */
    public boolean isWholeKit() {
        return rules.isEmpty() && areas.isEmpty();
    }
}
