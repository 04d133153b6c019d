package io.tsmtck.tck.device;

import io.tsmtck.api.spdm.message.ErrorResponse;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.spdm.message.SpdmCodec;
import io.tsmtck.api.spdm.message.SpdmErrorCode;
import io.tsmtck.api.spdm.message.SpdmMessage;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import java.util.Optional;

/**
 * What a device sent back to one SPDM request the kit sent on its own terms (a request out of order,
 * in another version, with an invalid field): nothing, an ERROR, a response, or bytes that do not
 * decode. {@link #describe()} names it for a failure message, decoded; {@link #error(SpdmErrorCode,
 * int)} names the ERROR a rule expects in the same words, so the two compare as strings.
 *
 * @param raw the answer's bytes (DOE padding allowed), empty when the device sent none
 * @param sizes the negotiated sizes the answer decodes with
 */
public record SpdmAnswer(Optional<ByteString> raw, MessageSizes sizes) {

    /** The answer decoded (strictly, DOE padding allowed), if it decodes. */
    public Optional<SpdmMessage> message() {
        return raw.flatMap(bytes -> decode(bytes).asOptional());
    }

    /** The ERROR the device sent, if it sent one. */
    public Optional<ErrorResponse> spdmError() {
        return message().filter(ErrorResponse.class::isInstance).map(ErrorResponse.class::cast);
    }

    /** The response, if the device answered with {@code type}. */
    public <T extends SpdmMessage> Optional<T> as(Class<T> type) {
        return message().filter(type::isInstance).map(type::cast);
    }

    /** Whether the device answered with a response of {@code code} (not an ERROR). */
    public boolean is(RequestResponseCode code) {
        return message().filter(m -> m.code() == code).isPresent();
    }

    /** How a rule names the ERROR it expects: exactly as {@link #describe()} names that ERROR. */
    public static String error(SpdmErrorCode code, int version) {
        return String.format("the device's SPDM ERROR %s (0x%02X) in SPDMVersion 0x%02X", code.name(), code.code(),
                version);
    }

    /** The answer named: no answer, an ERROR by code and version, a response by its fields, or undecodable bytes. */
    public String describe() {
        if (raw.isEmpty()) {
            return DeviceReply.NO_ANSWER;
        }
        DecodeResult<SpdmMessage> decoded = decode(raw.get());
        if (decoded instanceof DecodeResult.Malformed<SpdmMessage> malformed) {
            return "the device's answer " + raw.get().hex() + ", which does not decode (" + malformed.error() + ")";
        }
        SpdmMessage message = decoded.orElseThrow();
        if (message instanceof ErrorResponse error) {
            return error.known().map(code -> error(code, error.version())).orElse(String.format(
                    "the device's SPDM ERROR of unknown code 0x%02X in SPDMVersion 0x%02X", error.errorCode(),
                    error.version()));
        }
        return DeviceReply.decoded(message);
    }

    @Override
    public String toString() {
        return describe();
    }

    private DecodeResult<SpdmMessage> decode(ByteString bytes) {
        return SpdmCodec.decode(bytes, sizes, ReservedPolicy.REJECT, 3);
    }
}
