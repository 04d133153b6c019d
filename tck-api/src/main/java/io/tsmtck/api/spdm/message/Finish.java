package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;

/**
 * FINISH: Param1 bit 0 "signature included" (mutual authentication), Param2 the requester's slot;
 * Signature (only with bit 0), RequesterVerifyData (H). This kit never asks for mutual
 * authentication, so a FINISH with a signature does not decode here.
 */
public record Finish(int version, int param1, int param2, ByteString verifyData) implements SpdmMessage {

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.FINISH;
    }

    @Override
    public ByteString encode() {
        return new Header(version, code(), param1, param2).writer().bytes(verifyData).toByteString();
    }

    /** The four header bytes: the end of the transcript RequesterVerifyData covers. */
    public ByteString header() {
        return Header.only(version, code(), param1, param2);
    }

    static Finish decode(WireReader in, Header header, MessageSizes sizes) throws MalformedException {
        DigestsResponse.requireHash(in, sizes);
        if ((header.param1() & 1) != 0) {
            throw in.invalid("Param1", 2, "signature included, but mutual authentication was not requested");
        }
        return new Finish(header.version(), header.param1(), header.param2(),
                in.bytes("RequesterVerifyData", sizes.hashSize()));
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
