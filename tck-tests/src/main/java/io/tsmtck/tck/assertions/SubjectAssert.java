package io.tsmtck.tck.assertions;

import java.util.Objects;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on any value observed from the implementation, named by what it is, with the kit's
 * failure text (rule, subject, expected, actual, hint).
 *
 * @param <T> the value's type
 */
public final class SubjectAssert<T> extends AbstractAssert<SubjectAssert<T>, T> {

    private final String subject;

    SubjectAssert(String subject, T actual) {
        super(actual, SubjectAssert.class);
        this.subject = subject;
    }

    /** The value equals {@code expected}. */
    public SubjectAssert<T> is(T expected) {
        if (!Objects.equals(actual, expected)) {
            failWithActualExpectedAndMessage(actual, expected, Failures.message(subject, expected, actual));
        }
        return this;
    }

    /** The value satisfies {@code condition}, described as {@code expected}. */
    public SubjectAssert<T> satisfies(Predicate<? super T> condition, String expected) {
        if (!condition.test(actual)) {
            failWithActualExpectedAndMessage(actual, expected, Failures.message(subject, expected, actual));
        }
        return this;
    }
}
