package io.tsmtck.tck.device;

import io.tsmtck.api.spdm.message.ErrorResponse;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.SpdmCodec;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a failure message names what a device sent back to one TDISP or IDE_KM request: decoded,
 * with the side that sent it, never an {@code Optional} or an object's hash. An SPDM ERROR in
 * place of the VENDOR_DEFINED_RESPONSE is named as one, with its code by name.
 */
final class DeviceReply {

    /** How an answer is named when the device sent nothing back. */
    static final String NO_ANSWER = "no answer (the device sent nothing back)";

    private DeviceReply() {
    }

    /** How a well-formed answer {@code message} is named. */
    static String decoded(Object message) {
        return "the device's " + message;
    }

    /**
     * The SPDM ERROR a device sent instead of a VENDOR_DEFINED_RESPONSE, if {@code whole} (an answer
     * that was not a VENDOR_DEFINED_RESPONSE, kept whole) is one.
     */
    static Optional<ErrorResponse> spdmError(ByteString whole) {
        return SpdmCodec.decode(whole, MessageSizes.none()).asOptional()
                .filter(ErrorResponse.class::isInstance).map(ErrorResponse.class::cast);
    }

    /**
     * The answer described: "no answer", the SPDM ERROR, the decoded {@code protocol} message, or
     * why it does not decode and its bytes.
     */
    static <T> String describe(Optional<ByteString> raw, Optional<ErrorResponse> spdmError, String protocol,
                               Function<ByteString, DecodeResult<T>> decode) {
        if (raw.isEmpty()) {
            return NO_ANSWER;
        }
        if (spdmError.isPresent()) {
            ErrorResponse error = spdmError.get();
            return String.format("the device's SPDM ERROR %s (0x%02X), error data 0x%02X, instead of a %s answer",
                    error.known().map(Enum::name).orElse("of an unknown code"), error.errorCode(), error.errorData(),
                    protocol);
        }
        DecodeResult<T> decoded = decode.apply(raw.get());
        if (decoded instanceof DecodeResult.Malformed<T> malformed) {
            return "the device's " + protocol + " answer " + raw.get().hex() + ", which does not decode ("
                    + malformed.error() + ")";
        }
        return decoded(decoded.orElseThrow());
    }
}
