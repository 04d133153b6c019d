package io.tsmtck.tck.binding;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.opentest4j.AssertionFailedError;

/**
 * A test failure caused by the implementation itself rather than by a wrong answer: it threw from
 * an SPI method (a host stack's, or a device's mailbox), or returned null where the SPI promises a
 * value. Names the rule, the call, the exception class and the top of its stack, so that a vendor
 * sees where to look.
 */
public final class ImplementationFailure extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    /** Stack frames of the implementation's exception shown in the message. */
    static final int FRAMES = 5;

    private ImplementationFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** A host SPI method threw: it reports refusals as Result values and never throws. */
    public static ImplementationFailure threw(String call, Throwable thrown) {
        return threw(call, thrown, "an SPI method reports refusals as Result values (errno) and never throws; fix the"
                + " exception at the top of this stack.");
    }

    /** {@code call} threw {@code thrown}; {@code hint} says what the SPI promises instead. */
    public static ImplementationFailure threw(String call, Throwable thrown, String hint) {
        String frames = Stream.of(thrown.getStackTrace()).limit(FRAMES).map(frame -> "\n    at " + frame)
                .collect(Collectors.joining());
        return new ImplementationFailure(prefix() + "the implementation threw " + thrown.getClass().getName()
                + " in " + call + ": " + thrown.getMessage() + frames + "\n  hint: " + hint, thrown);
    }

    public static ImplementationFailure returnedNull(String method, String call, String promised) {
        return new ImplementationFailure(prefix() + "contract breach: " + method + " returned null (in " + call
                + "); the SPI promises a " + promised + ", never null. Return a value, or a Result.refused for a"
                + " refusal.", null);
    }

    /** A contract breach the kit found outside an SPI call (a declaration the stack does not honour). */
    public static ImplementationFailure breach(String what) {
        return new ImplementationFailure(prefix() + "contract breach: " + what, null);
    }

    private static String prefix() {
        return RuleContext.current().map(c -> "Rule " + c.rule().label() + ": ").orElse("");
    }
}
