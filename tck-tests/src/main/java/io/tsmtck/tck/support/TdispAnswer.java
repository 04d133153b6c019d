package io.tsmtck.tck.support;

import io.tsmtck.api.tdisp.TdispCodec;
import io.tsmtck.api.tdisp.TdispMessage;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import java.util.Optional;

/**
 * What a device answered to one TDISP request: nothing (dropped), or bytes that decode to a TDISP
 * message (reserved fields ignored, as a receiver must) or do not.
 *
 * @param request the TDISP request sent
 * @param raw the TDISP bytes of the answer, empty if the device did not answer
 */
public record TdispAnswer(ByteString request, Optional<ByteString> raw) {

    /** Whether the device sent nothing back. */
    public boolean isDropped() {
        return raw.isEmpty();
    }

    /** The decoded answer, if there was one and it is well-formed. */
    public Optional<TdispMessage> message() {
        return raw.flatMap(bytes -> TdispCodec.decode(bytes, ReservedPolicy.IGNORE).asOptional());
    }

    /** The answer decoded strictly (reserved fields must be zero). */
    public Optional<DecodeResult<TdispMessage>> strict() {
        return raw.map(TdispCodec::decode);
    }

    @Override
    public String toString() {
        return raw.map(bytes -> message().map(Object::toString).orElse("malformed answer " + bytes.hex()))
                .orElse("no answer");
    }
}
