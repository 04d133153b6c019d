package io.tsmtck.tck.assertions;

import io.tsmtck.api.spdm.message.ErrorResponse;
import io.tsmtck.api.spdm.message.SpdmErrorCode;
import io.tsmtck.tck.device.SpdmAnswer;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a device answered to one SPDM request of the kit's own: the ERROR a rule expects.
 * Each way of missing it has a message of its own, as AssertJ's {@code OptionalShouldContain} keeps an
 * empty Optional apart from a wrong value: no answer, a response instead of an ERROR, another error code,
 * the right code in another SPDMVersion, bytes that do not decode.
 */
public final class SpdmAnswerAssert extends AbstractAssert<SpdmAnswerAssert, SpdmAnswer> {

    SpdmAnswerAssert(SpdmAnswer actual) {
        super(actual, SpdmAnswerAssert.class);
    }

    /** The answer is an SPDM ERROR with {@code code}, in SPDMVersion {@code version}. */
    public SpdmAnswerAssert isSpdmError(SpdmErrorCode code, int version) {
        isNotNull();
        String expected = SpdmAnswer.error(code, version);
        Optional<ErrorResponse> error = actual.spdmError();
        String miss;
        if (actual.raw().isEmpty()) {
            miss = "no answer: the device dropped a request it must answer with an ERROR";
        } else if (actual.message().isEmpty()) {
            miss = actual.describe();
        } else if (error.isEmpty()) {
            miss = actual.describe() + ": a response where an ERROR was due";
        } else if (error.get().errorCode() != code.code()) {
            miss = actual.describe() + ": another error code";
        } else if (error.get().version() != version) {
            miss = actual.describe() + ": the right code in another SPDMVersion";
        } else {
            return this;
        }
        String subject = descriptionText().isEmpty() ? "the answer" : descriptionText();
        failWithActualExpectedAndMessage(actual.describe(), expected, Failures.message(subject, expected, miss));
        return this;
    }
}
