package io.tsmtck.tck.device;

import io.tsmtck.api.spdm.message.ErrorResponse;
import io.tsmtck.api.tdisp.TdispCodec;
import io.tsmtck.api.tdisp.TdispMessage;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import java.util.Optional;

/**
 * What a device answered to one TDISP request: nothing (dropped), bytes that decode to a TDISP
 * message (reserved fields ignored, as a receiver must) or do not, or an SPDM ERROR in place of the
 * VENDOR_DEFINED_RESPONSE. Its {@link #toString} is what failure messages show.
 *
 * @param request the TDISP request sent
 * @param raw the TDISP bytes of the answer (or the whole SPDM answer, when it was no
 *     VENDOR_DEFINED_RESPONSE), empty if the device did not answer
 * @param spdmError the SPDM ERROR the device sent instead of a VENDOR_DEFINED_RESPONSE, if it did
 */
public record TdispAnswer(ByteString request, Optional<ByteString> raw, Optional<ErrorResponse> spdmError) {

    /** An answer that came as a VENDOR_DEFINED_RESPONSE (or not at all). */
    public TdispAnswer(ByteString request, Optional<ByteString> raw) {
        this(request, raw, Optional.empty());
    }

    /** Whether the device sent nothing back. */
    public boolean isDropped() {
        return raw.isEmpty();
    }

    /** The decoded answer, if there was one and it is a well-formed TDISP message. */
    public Optional<TdispMessage> message() {
        return spdmError.isPresent() ? Optional.empty()
                : raw.flatMap(bytes -> TdispCodec.decode(bytes, ReservedPolicy.IGNORE).asOptional());
    }

    /** The answer decoded strictly (reserved fields must be zero). */
    public Optional<DecodeResult<TdispMessage>> strict() {
        return raw.map(TdispCodec::decode);
    }

    @Override
    public String toString() {
        return DeviceReply.describe(raw, spdmError, "TDISP", bytes -> TdispCodec.decode(bytes, ReservedPolicy.IGNORE));
    }
}
