package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;

/**
 * CHALLENGE: Param1 the slot, Param2 the measurement summary hash type, Nonce (32), from 1.3 also
 * RequesterContext (8).
 */
public record Challenge(int version, int slot, int measurementSummaryType, ByteString nonce, ByteString context)
        implements SpdmMessage {

    public Challenge {
        if (nonce.size() != 32) {
            throw new IllegalArgumentException("CHALLENGE's nonce is 32 bytes: " + nonce.size());
        }
        if (context.size() != (version >= 0x13 ? 8 : 0)) {
            throw new IllegalArgumentException("CHALLENGE's RequesterContext is 8 bytes from 1.3 on, else absent");
        }
    }

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.CHALLENGE;
    }

    @Override
    public ByteString encode() {
        WireWriter out = new Header(version, code(), slot, measurementSummaryType).writer().bytes(nonce).bytes(context);
        return out.toByteString();
    }

    static Challenge decode(WireReader in, Header header) throws MalformedException {
        ByteString nonce = in.bytes("Nonce", 32);
        ByteString context = header.version() >= 0x13 ? in.bytes("RequesterContext", 8) : ByteString.EMPTY;
        return new Challenge(header.version(), header.param1(), header.param2(), nonce, context);
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
