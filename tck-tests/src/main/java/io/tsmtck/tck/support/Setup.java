package io.tsmtck.tck.support;

import io.tsmtck.api.errno.Result;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * Steps a test needs before it can check its rule. A refused step fails the test with the rule
 * under test, the step and the refusal, so that a vendor sees which earlier behaviour blocked it.
 */
public final class Setup {

    private Setup() {
    }

    /** The value of {@code result}, or a failure naming {@code step}. */
    public static <T> T require(Result<T> result, String step) {
        if (result instanceof Result.Refused<T> refused) {
            Optional<String> call = RuleContext.current().flatMap(context -> context.originOf(refused));
            String method = call.map(c -> c.substring(0, c.indexOf('('))).orElse("'" + step + "'");
            throw new SetupFailure(prefix() + "setup step '" + step + "' was refused with "
                    + refused.errno() + " (" + refused.detail() + ")" + call.map(c -> " by " + c).orElse("")
                    + "; the rule could not be checked. Check the rule that covers this step first.",
                    method + " refused with " + refused.errno());
        }
        return result.orElseThrow();
    }

    /** A failure of a setup step that did not give what the test needed. */
    public static AssertionFailedError failed(String step, String what) {
        return new AssertionFailedError(prefix() + "setup step '" + step + "' failed: " + what
                + "; the rule could not be checked.");
    }

    private static String prefix() {
        return RuleContext.current().map(c -> "Rule " + c.rule().label() + ": ").orElse("");
    }
}
