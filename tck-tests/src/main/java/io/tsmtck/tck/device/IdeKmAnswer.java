package io.tsmtck.tck.device;

import io.tsmtck.api.idekm.IdeKmCodec;
import io.tsmtck.api.idekm.IdeKmMessage;
import io.tsmtck.api.spdm.message.ErrorResponse;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.ReservedPolicy;
import java.util.Optional;

/**
 * What a device answered to one IDE_KM request: nothing, an IDE_KM object that decodes (reserved
 * fields ignored, as a receiver must) or does not, or an SPDM ERROR in place of the
 * VENDOR_DEFINED_RESPONSE. Its {@link #toString} is what failure messages show.
 *
 * @param request the IDE_KM request sent
 * @param raw the IDE_KM bytes of the answer (or the whole SPDM answer, when it was no
 *     VENDOR_DEFINED_RESPONSE), empty if the device did not answer
 * @param spdmError the SPDM ERROR the device sent instead of a VENDOR_DEFINED_RESPONSE, if it did
 */
public record IdeKmAnswer(ByteString request, Optional<ByteString> raw, Optional<ErrorResponse> spdmError) {

    /** How {@link #toString} names no answer. */
    public static final String NO_ANSWER = DeviceReply.NO_ANSWER;

    /** How {@link #toString} names an answer that decodes to {@code message}: what a test expects. */
    public static String answering(IdeKmMessage message) {
        return DeviceReply.decoded(message);
    }

    /** Whether the device sent nothing back. */
    public boolean isDropped() {
        return raw.isEmpty();
    }

    /** The decoded IDE_KM answer, if there was one and it is well-formed. */
    public Optional<IdeKmMessage> message() {
        return spdmError.isPresent() ? Optional.empty()
                : raw.flatMap(bytes -> IdeKmCodec.decode(bytes, ReservedPolicy.IGNORE).asOptional());
    }

    @Override
    public String toString() {
        return DeviceReply.describe(raw, spdmError, "IDE_KM", bytes -> IdeKmCodec.decode(bytes, ReservedPolicy.IGNORE));
    }
}
