package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;

/**
 * CERTIFICATE: Param1 bits 3:0 the slot, Param2 (1.3: attributes), PortionLength u16,
 * RemainderLength u16, then PortionLength bytes of the chain.
 */
public record CertificateResponse(int version, int slot, int param2, ByteString portion, int remainder)
        implements SpdmMessage {

    public CertificateResponse {
        Header.checkU16("portion length", portion.size());
        Header.checkU16("remainder", remainder);
    }

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.CERTIFICATE;
    }

    @Override
    public ByteString encode() {
        return new Header(version, code(), slot, param2).writer().u16(portion.size()).u16(remainder).bytes(portion)
                .toByteString();
    }

    static CertificateResponse decode(WireReader in, Header header) throws MalformedException {
        int slot = (int) in.reservedBits("Param1", header.param1(), 0xF0, 2);
        int param2 = header.version() < 0x13 ? (int) in.reservedBits("Param2", header.param2(), 0xFF, 3)
                : header.param2();
        int portionLength = in.u16("PortionLength");
        int remainder = in.u16("RemainderLength");
        return new CertificateResponse(header.version(), slot, param2, in.bytes("CertChain", portionLength),
                remainder);
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
