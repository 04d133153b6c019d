package io.tsmtck.tck.assertions;

import io.tsmtck.tck.binding.RuleContext;

/**
 * The text of a kit failure: the rule, its statement, the subject, expected and actual, and the
 * catalogue's hint of what to check.
 */
final class Failures {

    private Failures() {
    }

    static String message(String subject, Object expected, Object actual) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        RuleContext.current().ifPresent(c -> text.append("Rule ").append(c.rule().label()).append(" failed: ")
                .append(c.rule().statement()).append(nl));
        text.append("  subject:  ").append(subject).append(nl)
                .append("  expected: ").append(Described.of(expected)).append(nl)
                .append("  actual:   ").append(Described.of(actual));
        RuleContext.current().ifPresent(c -> text.append(nl).append("  check:    ").append(c.rule().hint()));
        return text.toString();
    }
}
