package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;

/** RESPOND_IF_READY: Param1 the original request code, Param2 the token of ResponseNotReady. */
public record RespondIfReady(int version, int requestCode, int token) implements SpdmMessage {

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.RESPOND_IF_READY;
    }

    @Override
    public ByteString encode() {
        return Header.only(version, code(), requestCode, token);
    }

    static RespondIfReady decode(WireReader in, Header header) throws MalformedException {
        return new RespondIfReady(header.version(), header.param1(), header.param2());
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
