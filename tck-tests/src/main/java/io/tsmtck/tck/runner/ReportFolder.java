package io.tsmtck.tck.runner;

import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.Level;
import io.tsmtck.tck.catalogue.Rule;
import io.tsmtck.tck.report.CertificationReport;
import io.tsmtck.tck.report.CertificationReport.RuleResult;
import io.tsmtck.tck.report.CertificationReport.RuleStatus;
import io.tsmtck.tck.report.CertificationReport.TestResult;
import io.tsmtck.tck.report.CertificationReport.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Folds test outcomes into rule results and computes the verdict: a rule FAILS if any of its tests
 * failed, PASSES if none failed and one passed, is NOT_TESTED otherwise. CERTIFIED only if no MUST
 * rule failed, the run was the whole kit, complete, hashed, and ran tests.
 */
final class ReportFolder {

    private ReportFolder() {
    }

    static List<RuleResult> rules(Catalogue catalogue, List<TestOutcomes.Outcome> outcomes) {
        return rules(catalogue, outcomes, Set.of());
    }

    /** Rule results; a rule in {@code excluded} without any executed test is EXCLUDED. */
    static List<RuleResult> rules(Catalogue catalogue, List<TestOutcomes.Outcome> outcomes, Set<String> excluded) {
        Map<String, List<TestOutcomes.Outcome>> byRule = outcomes.stream()
                .collect(Collectors.groupingBy(TestOutcomes.Outcome::ruleId));
        List<RuleResult> rules = new ArrayList<>();
        for (Rule rule : catalogue.rules()) {
            List<TestResult> tests = byRule.getOrDefault(rule.id(), List.of()).stream()
                    .map(o -> new TestResult(o.name(), o.status(), o.message(), o.transcript()))
                    .collect(Collectors.toList());
            if (!rule.isTestable()) {
                tests = List.of(new TestResult("(not testable)", "NOT_TESTED", rule.whyUntestable().orElse(""), ""));
            }
            RuleStatus status = tests.isEmpty() && excluded.contains(rule.id()) ? RuleStatus.EXCLUDED : status(tests);
            rules.add(new RuleResult(rule.id(), rule.level().name(), rule.area().name(), rule.statement(),
                    rule.source(), rule.hint(), status, tests));
        }
        return rules;
    }

    private static RuleStatus status(List<TestResult> tests) {
        if (tests.stream().anyMatch(t -> t.status().equals("FAILED"))) {
            return RuleStatus.FAILED;
        }
        return tests.stream().anyMatch(t -> t.status().equals("PASSED")) ? RuleStatus.PASSED : RuleStatus.NOT_TESTED;
    }

    static CertificationReport.Totals totals(List<RuleResult> rules, long testsExecuted) {
        return new CertificationReport.Totals(rules.size(),
                (int) rules.stream().filter(r -> r.level().equals(Level.MUST.name())).count(),
                count(rules, RuleStatus.PASSED), count(rules, RuleStatus.FAILED), count(rules, RuleStatus.NOT_TESTED),
                count(rules, RuleStatus.EXCLUDED), testsExecuted);
    }

    private static int count(List<RuleResult> rules, RuleStatus status) {
        return (int) rules.stream().filter(r -> r.status() == status).count();
    }

    static Verdict verdict(boolean wholeKit, List<RuleResult> rules, List<String> problems) {
        if (!wholeKit) {
            return Verdict.NOT_A_CERTIFICATION_RUN;
        }
        boolean mustFailed = rules.stream()
                .anyMatch(r -> r.level().equals(Level.MUST.name()) && r.status() == RuleStatus.FAILED);
        return mustFailed || !problems.isEmpty() ? Verdict.NOT_CERTIFIED : Verdict.CERTIFIED;
    }
}
