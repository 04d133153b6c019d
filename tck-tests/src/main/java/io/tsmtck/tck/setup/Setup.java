package io.tsmtck.tck.setup;

import io.tsmtck.api.errno.Result;
import io.tsmtck.tck.binding.RuleContext;
import io.tsmtck.tck.catalogue.Rule;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * Steps a test needs before it can check its rule. A refused step is no observation of the rule:
 * the case is NOT_TESTED, "blocked by: &lt;step&gt; (&lt;what the subject answered&gt;)", so that a
 * vendor sees which earlier behaviour kept it from being checked. Only a step the catalogue names
 * as the rule's own ({@code ownSteps}) fails the rule.
 */
public final class Setup {

    private Setup() {
    }

    /** The value of {@code result}, or the case blocked by {@code step}. */
    public static <T> T require(Result<T> result, String step) {
        if (result instanceof Result.Refused<T> refused) {
            Optional<String> call = RuleContext.current().flatMap(context -> context.originOf(refused));
            String method = call.map(c -> c.substring(0, c.indexOf('('))).orElse("'" + step + "'");
            String answer = "refused with " + refused.errno() + (refused.detail().isEmpty() ? ""
                    : ": " + refused.detail()) + call.map(c -> ", by " + c).orElse("");
            throw refusal(step, answer, method + " refused with " + refused.errno());
        }
        return result.orElseThrow();
    }

    /**
     * A step that did not give what the test needed: {@code what} is what the subject answered or
     * did instead. Throw it.
     */
    public static RuntimeException failed(String step, String what) {
        return refusal(step, what, step + ": " + what);
    }

    private static RuntimeException refusal(String step, String answer, String blocker) {
        Optional<Rule> rule = RuleContext.current().map(RuleContext::rule);
        String prefix = rule.map(r -> "Rule " + r.label() + ": ").orElse("");
        if (rule.filter(r -> r.isAbout(step)).isPresent()) {
            return new SetupFailure.Violated(prefix + "'" + step + "', a step this rule is about, failed ("
                    + answer + ").", blocker);
        }
        return new SetupFailure.Blocked(prefix + "blocked by: " + step + " (" + answer + ")" + (rule.isPresent()
                ? "; the rule was not observed. Check the rule that covers this step first." : "."), blocker);
    }

    /**
     * {@code blocked}, a step that stopped a test part-way, told with what the test checked before it
     * and found to hold ({@code held}): the case is still not tested, but its report does not say that
     * nothing was observed.
     */
    public static TestAbortedException blockedAfter(TestAbortedException blocked, String held) {
        String blocker = SetupFailure.blockerOf(blocked).orElse(blocked.getMessage());
        String prefix = RuleContext.current().map(c -> "Rule " + c.rule().label() + ": ").orElse("");
        return new SetupFailure.Blocked(prefix + "blocked by: " + blocker + "; before that step, " + held
                + " held. Check the rule that covers the step first.", blocker);
    }
}
