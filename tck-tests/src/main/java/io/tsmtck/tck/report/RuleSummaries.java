package io.tsmtck.tck.report;

import io.tsmtck.tck.report.CertificationReport.RuleResult;
import java.util.List;
import java.util.stream.Collectors;

/** Short lists of rules for log lines and build failure messages. */
public final class RuleSummaries {

    /** How many rule ids a message names before it gives a count of the rest. */
    public static final int NAMED = 10;

    private RuleSummaries() {
    }

    /** "TDISP-01, TDISP-04 and 3 more": the first ten ids, then a count. */
    public static String firstTen(List<RuleResult> rules) {
        String named = rules.stream().limit(NAMED).map(RuleResult::id).collect(Collectors.joining(", "));
        return rules.size() > NAMED ? named + " and " + (rules.size() - NAMED) + " more" : named;
    }

    /** The distinct reasons of {@code rules}, joined: what to provide so that they run. */
    public static String toProvide(List<RuleResult> rules) {
        return rules.stream().flatMap(r -> r.reasons().stream()).distinct().collect(Collectors.joining("; "));
    }
}
