package io.tsmtck.tck.assertions;

import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.tck.binding.RuleContext;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an operation's {@link Result}: it succeeded, or it was refused with the errno the
 * uAPI defines.
 *
 * @param <T> the operation's value
 */
public final class ResultAssert<T> extends AbstractAssert<ResultAssert<T>, Result<T>> {

    ResultAssert(Result<T> actual) {
        super(actual, ResultAssert.class);
    }

    /** The operation succeeded. */
    public ResultAssert<T> succeeded() {
        isNotNull();
        if (!actual.isOk()) {
            failWithActualExpectedAndMessage(actual, "success", Failures.message(subject(), "success", actual));
        }
        return this;
    }

    /** The operation was refused with {@code errno}. */
    public ResultAssert<T> isRefusedWith(Errno errno) {
        isNotNull();
        if (!actual.refusalErrno().equals(Optional.of(errno))) {
            failWithActualExpectedAndMessage(actual, errno, Failures.message(subject(), "refused with " + errno,
                    actual));
        }
        return this;
    }

    /** The operation was refused, with any errno. */
    public ResultAssert<T> isRefused() {
        isNotNull();
        if (actual.isOk()) {
            failWithActualExpectedAndMessage(actual, "a refusal", Failures.message(subject(), "a refusal (any errno)",
                    actual));
        }
        return this;
    }

    /** The description the test gave, with the SPI call that gave the result where the kit saw it. */
    private String subject() {
        Optional<String> call = RuleContext.current().flatMap(context -> context.originOf(actual));
        if (descriptionText().isEmpty()) {
            return call.orElse("the result of the SPI call under test");
        }
        return descriptionText() + call.map(c -> " (" + c + ")").orElse("");
    }
}
