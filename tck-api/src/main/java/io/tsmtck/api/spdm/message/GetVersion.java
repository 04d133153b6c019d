package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;

/** GET_VERSION: always SPDMVersion 0x10, Param1 and Param2 reserved. */
public record GetVersion(int version) implements SpdmMessage {

    /** The request every requester starts with. */
    public static GetVersion request() {
        return new GetVersion(0x10);
    }

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.GET_VERSION;
    }

    @Override
    public ByteString encode() {
        return Header.only(version, code(), 0, 0);
    }

    static GetVersion decode(WireReader in, Header header) throws MalformedException {
        Header.reservedParam(in, "Param1", header.param1(), 2);
        Header.reservedParam(in, "Param2", header.param2(), 3);
        return new GetVersion(header.version());
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
