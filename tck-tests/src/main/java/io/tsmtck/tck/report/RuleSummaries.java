package io.tsmtck.tck.report;

import io.tsmtck.tck.report.CertificationReport.RuleResult;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Short lists of rules for log lines and build failure messages. */
public final class RuleSummaries {

    /** How many rule ids a message names before it gives a count of the rest. */
    public static final int NAMED = 10;

    /** How many distinct reasons a message names before it gives a count of the rest. */
    public static final int REASONS = 5;

    /** The longest a reason is quoted in one line. */
    static final int REASON_CHARS = 200;

    private static final Pattern RULE_PREFIX = Pattern.compile("^Rule \\S+ \\(\\w+\\): ");

    private RuleSummaries() {
    }

    /** "TDISP-01, TDISP-04 and 3 more": the first ten ids, then a count. */
    public static String firstTen(List<RuleResult> rules) {
        String named = rules.stream().limit(NAMED).map(RuleResult::id).collect(Collectors.joining(", "));
        return rules.size() > NAMED ? named + " and " + (rules.size() - NAMED) + " more" : named;
    }

    /**
     * What to provide so that {@code rules} run: their reasons, each once with the number of rules
     * it holds back ("needs test hook TDI_PROBE (45 rules)"), most first, the first five named and
     * the rest counted. A reason is quoted by its first line, without the rule it was written for.
     */
    public static String toProvide(List<RuleResult> rules) {
        Map<String, Long> byReason = rules.stream()
                .flatMap(rule -> rule.reasons().stream().map(RuleSummaries::quoted).distinct())
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        List<Map.Entry<String, Long>> ranked = byReason.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).toList();
        String named = ranked.stream().limit(REASONS)
                .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " rule)" : " rules)"))
                .collect(Collectors.joining("; "));
        return ranked.size() > REASONS ? named + "; and " + (ranked.size() - REASONS) + " other reason(s) in the report"
                : named;
    }

    private static String quoted(String reason) {
        String line = RULE_PREFIX.matcher(reason.lines().findFirst().orElse("")).replaceFirst("");
        return line.length() > REASON_CHARS ? line.substring(0, REASON_CHARS - 3) + "..." : line;
    }
}
