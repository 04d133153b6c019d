package io.tsmtck.tck.runner;

import io.tsmtck.api.UapiExtension;
import io.tsmtck.api.UapiLevel;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.CertificationProfile;
import io.tsmtck.tck.catalogue.Condition;
import io.tsmtck.tck.catalogue.Level;
import io.tsmtck.tck.catalogue.Rule;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.CertificationReport.Cost;
import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.RuleStatus;
import io.tsmtck.tck.report.CertificationReport.TestResult;
import io.tsmtck.tck.report.CertificationReport.TestStatus;
import io.tsmtck.tck.report.CertificationReport.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Folds test outcomes into rule results and computes the verdict. A rule FAILS if any of its
 * tests failed; is NOT_TESTED if any could not run or none ran; PASSES if one passed; is
 * NOT_APPLICABLE only when every test was ruled out by a stated fact, or when it belongs to vendor
 * profiles the subject does not implement. CERTIFIED only if every MUST rule passed or cannot
 * apply, and the run was the whole kit, complete, hashed, and ran tests: a rule that did not run
 * never helps the verdict.
 */
final class ReportFolder {

    private ReportFolder() {
    }

    /**
     * What a host certificate covers: a certification profile, and the kernel uAPI the stack declares.
     * A device run's is the lab profile at mainline, which every device rule is in.
     */
    record Scope(CertificationProfile profile, UapiLevel uapi) {

        static final Scope ALL = new Scope(CertificationProfile.LAB, UapiLevel.MAINLINE);

        /**
         * The uAPI level {@code report}'s provider declared (mainline when it declared none); an
         * extension this kit does not know is an {@link IllegalArgumentException} naming it.
         */
        static UapiLevel declaredUapi(CertificationReport report) {
            Optional<CertificationReport.Declared> declared = report.implementation().declared();
            UapiLevel uapi = UapiLevel.mainline(declared.map(CertificationReport.Declared::uapiKernel).orElse(""));
            for (String name : declared.map(CertificationReport.Declared::uapiExtensions).orElse(List.of())) {
                try {
                    uapi = uapi.with(UapiExtension.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("it declares the uAPI extension " + name + ", which the kit"
                            + " does not know", e);
                }
            }
            return uapi;
        }

        /** Why {@code rule} is outside this scope, if it is. */
        Optional<String> excludes(Rule rule) {
            Optional<String> byProfile = profile.excludes(rule);
            if (byProfile.isPresent()) {
                return byProfile;
            }
            List<UapiExtension> missing = rule.missingFrom(uapi);
            return missing.isEmpty() ? Optional.empty() : Optional.of("the rule needs " + missing.stream()
                    .map(e -> e.label() + " (" + e.source() + ")").collect(Collectors.joining(" and "))
                    + ", which the stack's declared uAPI, " + uapi.describe() + ", does not have");
        }
    }

    /** {@link #rules(Catalogue, List, Set, Set, Scope)} of a run that certifies everything its kit has. */
    static List<RuleResult> rules(Catalogue catalogue, List<TestOutcomes.Outcome> outcomes, Set<String> excluded,
                                  Set<VendorProfile> profiles) {
        return rules(catalogue, outcomes, excluded, profiles, Scope.ALL);
    }

    /**
     * Rule results of a subject implementing {@code profiles}, certified in {@code scope}; a rule in
     * {@code excluded} without tests is EXCLUDED, a rule outside the scope without tests NOT_APPLICABLE.
     */
    static List<RuleResult> rules(Catalogue catalogue, List<TestOutcomes.Outcome> outcomes, Set<String> excluded,
                                  Set<VendorProfile> profiles, Scope scope) {
        Map<String, List<TestOutcomes.Outcome>> byRule = outcomes.stream()
                .collect(Collectors.groupingBy(TestOutcomes.Outcome::ruleId));
        List<RuleResult> rules = new ArrayList<>();
        for (Rule rule : catalogue.rules()) {
            List<TestResult> tests = byRule.getOrDefault(rule.id(), List.of()).stream()
                    .map(o -> new TestResult(o.name(), o.status(), o.message(), o.transcript(), o.cost(),
                            o.sessions()))
                    .collect(Collectors.toList());
            RuleStatus status;
            List<String> reasons;
            if (!rule.isTestable()) {
                status = RuleStatus.UNTESTABLE;
                reasons = List.of(rule.whyUntestable().orElse(""));
            } else if (tests.isEmpty() && excluded.contains(rule.id())) {
                status = RuleStatus.EXCLUDED;
                reasons = List.of("its tests are on the kit's exclude list");
            } else if (tests.isEmpty() && scope.excludes(rule).isPresent()) {
                status = RuleStatus.NOT_APPLICABLE;
                reasons = List.of(scope.excludes(rule).orElseThrow());
            } else if (tests.isEmpty() && !rule.profiles().isEmpty()
                    && rule.profiles().stream().noneMatch(profiles::contains)) {
                status = RuleStatus.NOT_APPLICABLE;
                reasons = List.of("the rule applies to the vendor profiles " + rule.profiles()
                        + "; the subject implements " + EnumSet.copyOf(profiles));
            } else if (tests.isEmpty()) {
                status = RuleStatus.NOT_TESTED;
                reasons = List.of("no test of this rule ran");
            } else {
                status = status(tests);
                reasons = reasons(status, tests);
            }
            Cost cost = byRule.getOrDefault(rule.id(), List.of()).stream().map(TestOutcomes.Outcome::cost)
                    .reduce(Cost.NONE, Cost::plus);
            rules.add(new RuleResult(rule.id(), rule.level().name(), rule.area().name(), rule.statement(),
                    rule.source(), rule.provenance().name(), rule.hint(), rule.conditions().stream().map(Condition::when)
                    .collect(Collectors.toList()), status, reasons, cost, tests));
        }
        return rules;
    }

    private static RuleStatus status(List<TestResult> tests) {
        if (has(tests, TestStatus.FAILED)) {
            return RuleStatus.FAILED;
        }
        if (has(tests, TestStatus.NOT_TESTED)) {
            return RuleStatus.NOT_TESTED;
        }
        return has(tests, TestStatus.PASSED) ? RuleStatus.PASSED : RuleStatus.NOT_APPLICABLE;
    }

    private static List<String> reasons(RuleStatus status, List<TestResult> tests) {
        TestStatus why = status == RuleStatus.NOT_TESTED ? TestStatus.NOT_TESTED
                : status == RuleStatus.NOT_APPLICABLE ? TestStatus.NOT_APPLICABLE : null;
        return why == null ? List.of() : tests.stream().filter(t -> t.status() == why).map(TestResult::message)
                .distinct().collect(Collectors.toList());
    }

    private static boolean has(List<TestResult> tests, TestStatus status) {
        return tests.stream().anyMatch(t -> t.status() == status);
    }

    static CertificationReport.Totals totals(List<RuleResult> rules, List<TestOutcomes.Outcome> outcomes) {
        return new CertificationReport.Totals(rules.size(),
                (int) rules.stream().filter(r -> r.level().equals(Level.MUST.name())).count(),
                count(rules, RuleStatus.PASSED), count(rules, RuleStatus.FAILED), count(rules, RuleStatus.NOT_TESTED),
                count(rules, RuleStatus.NOT_APPLICABLE), count(rules, RuleStatus.UNTESTABLE),
                count(rules, RuleStatus.EXCLUDED),
                outcomes.stream().filter(o -> o.status() == TestStatus.PASSED || o.status() == TestStatus.FAILED)
                        .count(),
                outcomes.stream().filter(o -> o.status() == TestStatus.NOT_TESTED).count(),
                outcomes.stream().filter(o -> o.status() == TestStatus.NOT_APPLICABLE).count(),
                rules.stream().map(RuleResult::cost).reduce(Cost.NONE, Cost::plus),
                rules.stream().collect(Collectors.groupingBy(RuleResult::area, TreeMap::new,
                        Collectors.reducing(Cost.NONE, RuleResult::cost, Cost::plus))));
    }

    private static int count(List<RuleResult> rules, RuleStatus status) {
        return (int) rules.stream().filter(r -> r.status() == status).count();
    }

    /** How many blockers a report names. */
    static final int BLOCKERS = 5;

    /**
     * The refused set-up steps of tests that did not pass (blocked, or failed on a step the rule is
     * about), by the number of rules they kept from passing, then tests: the first is what to
     * implement first.
     */
    static List<CertificationReport.Blocker> implementFirst(List<TestOutcomes.Outcome> outcomes) {
        Map<String, List<TestOutcomes.Outcome>> byBlocker = outcomes.stream()
                .filter(o -> o.status() != TestStatus.PASSED && !o.blockedBy().isEmpty())
                .collect(Collectors.groupingBy(TestOutcomes.Outcome::blockedBy));
        return byBlocker.entrySet().stream()
                .map(e -> new CertificationReport.Blocker(e.getKey(),
                        (int) e.getValue().stream().map(TestOutcomes.Outcome::ruleId).distinct().count(),
                        e.getValue().size()))
                .sorted(Comparator.comparingInt(CertificationReport.Blocker::rules).reversed()
                        .thenComparing(Comparator.comparingLong(CertificationReport.Blocker::tests).reversed())
                        .thenComparing(CertificationReport.Blocker::refusal))
                .limit(BLOCKERS).collect(Collectors.toList());
    }

    /** The MUST rules that keep the run from being CERTIFIED: failed or not tested. */
    static List<RuleResult> blockingMustRules(List<RuleResult> rules) {
        return rules.stream().filter(r -> r.level().equals(Level.MUST.name()))
                .filter(r -> !r.status().allowsCertification()).collect(Collectors.toList());
    }

    static Verdict verdict(boolean wholeKit, List<RuleResult> rules, List<String> problems) {
        if (!wholeKit) {
            return Verdict.NOT_A_CERTIFICATION_RUN;
        }
        return blockingMustRules(rules).isEmpty() && problems.isEmpty() ? Verdict.CERTIFIED : Verdict.NOT_CERTIFIED;
    }
}
