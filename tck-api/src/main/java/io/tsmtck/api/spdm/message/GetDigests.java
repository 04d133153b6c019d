package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;

/** GET_DIGESTS: header only, Param1 and Param2 reserved. */
public record GetDigests(int version) implements SpdmMessage {

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.GET_DIGESTS;
    }

    @Override
    public ByteString encode() {
        return Header.only(version, code(), 0, 0);
    }

    static GetDigests decode(WireReader in, Header header) throws MalformedException {
        Header.reservedParam(in, "Param1", header.param1(), 2);
        Header.reservedParam(in, "Param2", header.param2(), 3);
        return new GetDigests(header.version());
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
