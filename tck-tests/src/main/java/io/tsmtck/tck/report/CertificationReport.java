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
 */
public record CertificationReport(Verdict verdict, boolean complete, Kit kit, Implementation implementation,
                                  Environment environment, Totals totals, List<RuleResult> rules,
                                  List<String> problems) {

    /** The verdicts. */
    public enum Verdict { CERTIFIED, NOT_CERTIFIED, NOT_A_CERTIFICATION_RUN }

    /** A rule's status: FAILED if any of its tests failed; NOT_TESTED if none ran for a declared reason. */
    public enum RuleStatus { PASSED, FAILED, NOT_TESTED, EXCLUDED }

    /**
     * The kit.
     *
     * @param version kit version
     * @param sha256 SHA-256 of each kit artifact used, by file name
     * @param catalogueRules rules in the catalogue
     */
    public record Kit(String version, Map<String, String> sha256, int catalogueRules) {
    }

    /**
     * The implementation under test.
     *
     * @param provider the provider class
     * @param name the provider's name
     * @param artifacts artifact coordinates where known
     * @param sha256 SHA-256 of its jars, by file name
     */
    public record Implementation(String provider, String name, List<String> artifacts, Map<String, String> sha256) {
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
     */
    public record Environment(String java, String os, Optional<String> maven, long seed, Map<String, Long> timeouts,
                              List<String> selection) {
    }

    /**
     * Counts.
     *
     * @param rules rules in the report
     * @param mustRules MUST rules
     * @param passed rules passed
     * @param failed rules failed
     * @param notTested rules not tested
     * @param excluded rules excluded
     * @param testsExecuted test invocations executed
     */
    public record Totals(int rules, int mustRules, int passed, int failed, int notTested, int excluded,
                         long testsExecuted) {
    }

    /**
     * One rule.
     *
     * @param id rule id
     * @param level MUST, SHOULD, MAY
     * @param area area
     * @param statement the statement
     * @param source its public source
     * @param hint what to check
     * @param status its status
     * @param tests its test invocations
     */
    public record RuleResult(String id, String level, String area, String statement, String source, String hint,
                             RuleStatus status, List<TestResult> tests) {
    }

    /**
     * One test invocation.
     *
     * @param name display name (class, method, parameters)
     * @param status PASSED, FAILED, NOT_TESTED
     * @param message failure or abort message
     * @param transcript TDISP/IDE_KM exchanges of a failed test
     */
    public record TestResult(String name, String status, String message, String transcript) {
    }
}
