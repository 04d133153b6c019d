package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;

/** FINISH_RSP: Param1 and Param2 reserved; ResponderVerifyData (H) only when the handshake is in the clear. */
public record FinishRsp(int version, ByteString verifyData) implements SpdmMessage {

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.FINISH_RSP;
    }

    @Override
    public ByteString encode() {
        return new Header(version, code(), 0, 0).writer().bytes(verifyData).toByteString();
    }

    /** The four header bytes: the end of the transcript ResponderVerifyData covers (handshake in the clear). */
    public ByteString header() {
        return Header.only(version, code(), 0, 0);
    }

    static FinishRsp decode(WireReader in, Header header, MessageSizes sizes) throws MalformedException {
        Header.reservedParam(in, "Param1", header.param1(), 2);
        Header.reservedParam(in, "Param2", header.param2(), 3);
        return new FinishRsp(header.version(),
                in.bytes("ResponderVerifyData", sizes.handshakeInTheClear() ? sizes.hashSize() : 0));
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
