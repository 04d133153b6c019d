package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;

/** GET_CERTIFICATE: Param1 bits 3:0 the slot, Param2 (1.3: attributes), Offset u16, Length u16. */
public record GetCertificate(int version, int slot, int param2, int offset, int length) implements SpdmMessage {

    public GetCertificate {
        Header.checkU16("offset", offset);
        Header.checkU16("length", length);
    }

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.GET_CERTIFICATE;
    }

    @Override
    public ByteString encode() {
        return new Header(version, code(), slot, param2).writer().u16(offset).u16(length).toByteString();
    }

    static GetCertificate decode(WireReader in, Header header) throws MalformedException {
        int slot = (int) in.reservedBits("Param1", header.param1(), 0xF0, 2);
        int param2 = header.version() < 0x13 ? (int) in.reservedBits("Param2", header.param2(), 0xFF, 3)
                : header.param2();
        return new GetCertificate(header.version(), slot, param2, in.u16("Offset"), in.u16("Length"));
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
