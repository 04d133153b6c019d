package io.tsmtck.tck.assertions;

import io.tsmtck.api.spdm.message.SpdmErrorCode;
import io.tsmtck.api.tdisp.InterfaceId;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.TdispError;
import io.tsmtck.api.tdisp.TdispErrorCode;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.tdisp.TdispMessage;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.tck.device.TdispAnswer;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/** Assertions on what a device answered to one TDISP request. */
public final class TdispAnswerAssert extends AbstractAssert<TdispAnswerAssert, TdispAnswer> {

    TdispAnswerAssert(TdispAnswer actual) {
        super(actual, TdispAnswerAssert.class);
    }

    /** The answer is a well-formed message of {@code type}. */
    public TdispAnswerAssert isResponse(MessageType type) {
        isNotNull();
        Optional<TdispMessage> message = actual.message();
        if (message.isEmpty() || message.get().type() != type) {
            fail(type, actual);
        }
        return this;
    }

    /** The answer is TDISP_ERROR with {@code code}. */
    public TdispAnswerAssert isError(TdispErrorCode code) {
        isNotNull();
        Optional<TdispMessage> message = actual.message();
        if (message.isEmpty() || !(message.get() instanceof TdispError error) || error.code() != code) {
            fail("TDISP_ERROR " + code, actual);
        }
        return this;
    }

    /**
     * The answer is TDISP_ERROR INVALID_REQUEST or, for a request too short to hold the TDISP header
     * (so too short to name the INTERFACE_ID a TDISP_ERROR echoes), SPDM ERROR InvalidRequest (DSP0274
     * error code 01h), as libspdm answers a VENDOR_DEFINED_REQUEST it cannot parse.
     */
    public TdispAnswerAssert isInvalidRequest() {
        isNotNull();
        boolean headerless = actual.request().size() < TdispHeader.LENGTH;
        if (headerless && actual.spdmError().filter(e -> e.errorCode() == SpdmErrorCode.INVALID_REQUEST.code())
                .isPresent()) {
            return this;
        }
        Optional<TdispMessage> message = actual.message();
        if (message.isEmpty() || !(message.get() instanceof TdispError error)
                || error.code() != TdispErrorCode.INVALID_REQUEST) {
            fail("TDISP_ERROR " + TdispErrorCode.INVALID_REQUEST + (headerless ? " or, since the request is shorter"
                    + " than the TDISP header, SPDM ERROR INVALID_REQUEST" : ""), actual);
        }
        return this;
    }

    /**
     * The answer is TDISP_ERROR with one of {@code codes}: where a request is wrong in more than one
     * way by necessity (START outside CONFIG_LOCKED carries a nonce the device does not hold), the
     * chapter sets no precedence between the errors.
     */
    public TdispAnswerAssert isErrorOneOf(TdispErrorCode... codes) {
        isNotNull();
        Optional<TdispMessage> message = actual.message();
        if (message.isEmpty() || !(message.get() instanceof TdispError error)
                || !List.of(codes).contains(error.code())) {
            fail("TDISP_ERROR " + String.join(" or ", List.of(codes).stream().map(Enum::name).toList()), actual);
        }
        return this;
    }

    /** The answer is TDISP_ERROR with {@code code} and ERROR_DATA {@code data}. */
    public TdispAnswerAssert isError(TdispErrorCode code, long data) {
        isError(code);
        TdispError error = (TdispError) actual.message().orElseThrow();
        if (error.errorData() != data) {
            fail(String.format("TDISP_ERROR %s with ERROR_DATA 0x%X", code, data), actual);
        }
        return this;
    }

    /** The answer carries {@code interfaceId}. */
    public TdispAnswerAssert hasInterfaceId(InterfaceId interfaceId) {
        isNotNull();
        Optional<InterfaceId> echoed = actual.message().map(TdispMessage::interfaceId);
        if (!echoed.equals(Optional.of(interfaceId))) {
            fail("INTERFACE_ID " + interfaceId, actual);
        }
        return this;
    }

    /** The answer decodes strictly: right length, known codes, reserved fields zero. */
    public TdispAnswerAssert isStrictlyWellFormed() {
        isNotNull();
        Optional<DecodeResult<TdispMessage>> strict = actual.strict();
        if (strict.isEmpty() || !strict.get().isDecoded()) {
            String why = strict.map(Object::toString).orElse("no answer");
            failWithActualExpectedAndMessage(why, "a well-formed message with reserved fields zero",
                    Failures.message("answer to " + actual.request().hex(), "a well-formed message", why));
        }
        return this;
    }

    /** The device sent nothing back. */
    public TdispAnswerAssert isDropped() {
        isNotNull();
        if (!actual.isDropped()) {
            fail("no response at all", actual);
        }
        return this;
    }

    private void fail(Object expected, TdispAnswer answer) {
        String subject = "answer to " + actual.request().hex()
                + (descriptionText().isEmpty() ? "" : " (" + descriptionText() + ")");
        failWithActualExpectedAndMessage(answer, expected, Failures.message(subject, expected, answer));
    }
}
