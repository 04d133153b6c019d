package io.tsmtck.tck.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The certification report: what was run against what, and rule by rule what holds. Written as
 * {@code certification-report.json}; every other output is rendered from it.
 *
 * @param verdict CERTIFIED, NOT_CERTIFIED or NOT_A_CERTIFICATION_RUN
 * @param complete whether every selected test finished
 * @param kit the kit's identity
 * @param implementation the implementation's identity
 * @param environment where and how it ran
 * @param totals counts
 * @param rules every rule of the catalogue with its status and tests
 * @param problems why the run is not a clean certification (filtered, incomplete, unhashed), empty if it is
 * @param implementFirst the refused set-up steps that kept the most rules from being checked, most first
 */
public record CertificationReport(Verdict verdict, boolean complete, Kit kit, Implementation implementation,
                                  Environment environment, Totals totals, List<RuleResult> rules,
                                  List<String> problems, List<Blocker> implementFirst) {

    /**
     * A refused set-up step and what it kept from passing: what a vendor implements first.
     *
     * @param refusal "TsmCore.connect refused with ENOSYS"
     * @param rules rules with a test blocked by it (or failed by it, where the step is the rule's own)
     * @param tests tests blocked or failed by it
     */
    public record Blocker(String refusal, int rules, long tests) {
    }

    /** The verdicts. */
    public enum Verdict { CERTIFIED, NOT_CERTIFIED, NOT_A_CERTIFICATION_RUN }

    /**
     * A rule's status. FAILED if any of its tests failed; else NOT_TESTED if any could not run (a
     * test hook the implementation does not provide) or none ran; else PASSED if one passed; else
     * NOT_APPLICABLE (every test was ruled out by a stated fact about the subject). UNTESTABLE: the
     * catalogue says why no kit can test it. EXCLUDED: its tests are on the kit's exclude list.
     */
    public enum RuleStatus {
        PASSED, FAILED, NOT_TESTED, NOT_APPLICABLE, UNTESTABLE, EXCLUDED;

        /** Whether a MUST rule with this status still allows CERTIFIED. */
        public boolean allowsCertification() {
            return this != FAILED && this != NOT_TESTED;
        }
    }

    /**
     * What running something cost: wall time and what it asked of the implementation, a host stack's
     * SPI or a device's mailbox.
     *
     * @param millis wall-clock milliseconds
     * @param spiCalls SPI calls made
     * @param stacks stacks built ({@code TsmStackProvider.create})
     * @param deviceFrames DOE objects that went over the device's mailbox, both ways
     * @param deviceBytes their bytes
     * @param deviceWaitMillis milliseconds the kit waited for the device's answers
     */
    public record Cost(long millis, long spiCalls, long stacks, long deviceFrames, long deviceBytes,
                       long deviceWaitMillis) {
        /** Nothing measured. */
        public static final Cost NONE = new Cost(0, 0, 0);

        /** A host stack's cost: no device traffic. */
        public Cost(long millis, long spiCalls, long stacks) {
            this(millis, spiCalls, stacks, 0, 0, 0);
        }

        /** This and {@code other} together. */
        public Cost plus(Cost other) {
            return new Cost(millis + other.millis, spiCalls + other.spiCalls, stacks + other.stacks,
                    deviceFrames + other.deviceFrames, deviceBytes + other.deviceBytes,
                    deviceWaitMillis + other.deviceWaitMillis);
        }
    }

    /** A test invocation's status; NOT_TESTED and NOT_APPLICABLE say why in the message. */
    public enum TestStatus { PASSED, FAILED, NOT_TESTED, NOT_APPLICABLE }

    /**
     * The kit.
     *
     * @param version kit version
     * @param sha256 SHA-256 of each kit artifact used, by file name
     * @param catalogueRules rules in the catalogue
     * @param catalogueSha256 SHA-256 of the catalogue the run used ({@code rules.yaml}), hex
     */
    public record Kit(String version, Map<String, String> sha256, int catalogueRules, String catalogueSha256) {

        public Kit {
            catalogueSha256 = catalogueSha256 == null ? "" : catalogueSha256;
        }

        /** A kit whose catalogue digest is not recorded. */
        public Kit(String version, Map<String, String> sha256, int catalogueRules) {
            this(version, sha256, catalogueRules, "");
        }
    }

    /**
     * The implementation under test.
     *
     * @param provider the provider class
     * @param name the provider's name
     * @param artifacts artifact coordinates where known
     * @param sha256 SHA-256 of its jars, by file name
     * @param declared what the provider declares, empty if it was not read
     * @param device the device, for a run of the device kit
     */
    public record Implementation(String provider, String name, List<String> artifacts, Map<String, String> sha256,
                                 Optional<Declared> declared, Optional<Device> device) {

        public Implementation {
            device = device == null ? Optional.empty() : device;
        }

        /** A host stack's identity. */
        public Implementation(String provider, String name, List<String> artifacts, Map<String, String> sha256,
                              Optional<Declared> declared) {
            this(provider, name, artifacts, sha256, declared, Optional.empty());
        }
    }

    /**
     * The device a device-kit run certified, as the kit met it before the tests.
     *
     * @param transport how the kit reached it ({@code tcp://...}, {@code doe:...}, in-process)
     * @param certificateSubject the subject of the leaf certificate of its slot-0 chain
     * @param chainDigest the chain's digest with the negotiated hash, hex
     * @param spdmVersion the negotiated SPDM version ({@code 1.2})
     * @param capabilities the CAPABILITIES flags, hex
     * @param algorithms the negotiated hash, signature, DHE and AEAD algorithms
     * @param tdispVersion the TDISP version of its answers, hex
     * @param tdispCapabilities PF0's TDISP_CAPABILITIES, decoded
     * @param functions the functions tested, PF0 first
     * @param measurements the device's measurement blocks, read signed for all in the kit's session and
     *     verified over L1/L2 before the tests, one line each; or one line saying why there are none
     * @param rig what the device's rig offers ({@code none}, or its actions), and whether it declares
     *     that the device reacts at once (so that the kit checked "does not happen" clauses at once)
     */
    public record Device(String transport, String certificateSubject, String chainDigest, String spdmVersion,
                         String capabilities, String algorithms, String tdispVersion, String tdispCapabilities,
                         List<String> functions, List<String> measurements, String rig) {

        public Device {
            functions = List.copyOf(functions);
            measurements = measurements == null ? List.of() : List.copyOf(measurements);
        }
    }

    /**
     * What a provider declares: the facts its NOT_APPLICABLE rules rest on and the hooks whose
     * absence makes rules NOT_TESTED.
     *
     * @param profiles the vendor profiles it implements (the only ones certified)
     * @param maxDsms most DSMs in one stack
     * @param maxFunctionsPerDsm most physical functions per DSM
     * @param maxVfsPerDsm most virtual functions per DSM
     * @param hooks the test hooks it provides
     * @param callMillis the latency it declares for one SPI call
     * @param stackSetupMillis the latency it declares for building one stack
     * @param inventory its fixed devices ("profile: name"), in inventory mode; empty when it builds stacks
     * @param uapi the kernel uAPI it declares, as the verdict line names it ("mainline 6.19 + iommufd TSM v5")
     * @param uapiKernel the mainline release of it ("6.19"; empty when unstated)
     * @param uapiExtensions the extensions beyond mainline in it, by name ({@code UapiExtension})
     */
    public record Declared(List<String> profiles, int maxDsms, int maxFunctionsPerDsm, int maxVfsPerDsm,
                           List<String> hooks, long callMillis, long stackSetupMillis, List<String> inventory,
                           String uapi, String uapiKernel, List<String> uapiExtensions) {

        public Declared {
            uapi = uapi == null ? "mainline" : uapi;
            uapiKernel = uapiKernel == null ? "" : uapiKernel;
            uapiExtensions = uapiExtensions == null ? List.of() : List.copyOf(uapiExtensions);
        }

        /** A declaration of mainline's uAPI alone. */
        public Declared(List<String> profiles, int maxDsms, int maxFunctionsPerDsm, int maxVfsPerDsm,
                        List<String> hooks, long callMillis, long stackSetupMillis, List<String> inventory) {
            this(profiles, maxDsms, maxFunctionsPerDsm, maxVfsPerDsm, hooks, callMillis, stackSetupMillis, inventory,
                    "mainline", "", List.of());
        }

        /** A declaration without latencies, of a provider that builds its stacks. */
        public Declared(List<String> profiles, int maxDsms, int maxFunctionsPerDsm, int maxVfsPerDsm,
                        List<String> hooks) {
            this(profiles, maxDsms, maxFunctionsPerDsm, maxVfsPerDsm, hooks, 0, 0, List.of());
        }
    }

    /**
     * The run's environment and settings.
     *
     * @param java java.version and vendor
     * @param os os.name, os.version, os.arch
     * @param maven Maven version when run by the plugin
     * @param seed the seed
     * @param timeouts the timeouts in milliseconds, by setting name
     * @param selection the rule and area selection, empty for the whole kit
     * @param runNonce the nonce the plugin handed the forked run (on its standard input, never in a
     *     file before the run), so that it can tell this run's report from a copy of another's; empty
     *     for a run no plugin started
     * @param profile the certification profile of a host run ("lab" or "uapi"); empty for a device run
     */
    public record Environment(String java, String os, Optional<String> maven, long seed, Map<String, Long> timeouts,
                              List<String> selection, String runNonce, String profile) {

        public Environment {
            runNonce = runNonce == null ? "" : runNonce;
            profile = profile == null ? "" : profile;
        }

        /** The environment of a run that certifies no host profile (a device run). */
        public Environment(String java, String os, Optional<String> maven, long seed, Map<String, Long> timeouts,
                           List<String> selection, String runNonce) {
            this(java, os, maven, seed, timeouts, selection, runNonce, "");
        }

        /** The environment of a run no plugin started. */
        public Environment(String java, String os, Optional<String> maven, long seed, Map<String, Long> timeouts,
                           List<String> selection) {
            this(java, os, maven, seed, timeouts, selection, "");
        }
    }

    /**
     * Counts.
     *
     * @param rules rules in the report
     * @param mustRules MUST rules
     * @param passed rules passed
     * @param failed rules failed
     * @param notTested rules not tested (a hook missing, or no test ran)
     * @param notApplicable rules ruled out by facts about the subject
     * @param untestable rules no kit can test
     * @param excluded rules excluded
     * @param testsExecuted test invocations that ran to a verdict (passed or failed)
     * @param testsNotTested test invocations skipped or aborted for a missing hook
     * @param testsNotApplicable test invocations ruled out by a fact about the subject
     * @param cost what all tests cost together (time summed over tests)
     * @param areaCost the cost by area
     */
    public record Totals(int rules, int mustRules, int passed, int failed, int notTested, int notApplicable,
                         int untestable, int excluded, long testsExecuted, long testsNotTested,
                         long testsNotApplicable, Cost cost, Map<String, Cost> areaCost) {
    }

    /**
     * One rule.
     *
     * @param id rule id
     * @param level MUST, SHOULD, MAY
     * @param area area
     * @param statement the statement
     * @param source its public source
     * @param provenance the kind of source it rests on ({@link io.tsmtck.tck.catalogue.Provenance})
     * @param hint what to check
     * @param conditions the facts it holds under ("when ..."), empty if unconditional
     * @param status its status
     * @param reasons why it is NOT_TESTED, NOT_APPLICABLE, UNTESTABLE or EXCLUDED (distinct), empty otherwise
     * @param cost what its tests cost together
     * @param tests its test invocations
     */
    public record RuleResult(String id, String level, String area, String statement, String source,
                             String provenance, String hint, List<String> conditions, RuleStatus status,
                             List<String> reasons, Cost cost, List<TestResult> tests) {
    }

    /**
     * One test invocation.
     *
     * @param name display name (class, method, parameters)
     * @param status its status
     * @param message failure message, or why it did not run
     * @param transcript TDISP/IDE_KM exchanges of a failed test
     * @param cost what it cost
     * @param sessions the SPDM sessions it opened with the device, one line each: the session id and the hash of
     *     its transcript TH2 (DSP0274), which the device's KEY_EXCHANGE_RSP signature and verify data tie to it
     */
    public record TestResult(String name, TestStatus status, String message, String transcript, Cost cost,
                             List<String> sessions) {

        public TestResult {
            sessions = sessions == null ? List.of() : List.copyOf(sessions);
        }

        /** A test result that opened no session with a device. */
        public TestResult(String name, TestStatus status, String message, String transcript, Cost cost) {
            this(name, status, message, transcript, cost, List.of());
        }

        /** A test result of no measured cost. */
        public TestResult(String name, TestStatus status, String message, String transcript) {
            this(name, status, message, transcript, Cost.NONE);
        }
    }
}
