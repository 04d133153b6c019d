package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;

/**
 * VENDOR_DEFINED_REQUEST or VENDOR_DEFINED_RESPONSE of any standards body: StandardID u16, Len u8,
 * VendorID (Len bytes), ReqLength/RespLength u16, payload. From SPDM 1.4, Param1 bit 7 (LargeReq,
 * LargeResp) selects the large form: the u16 length is reserved (0) and a u32 length follows.
 * TDISP and IDE_KM are the PCI-SIG case ({@link io.tsmtck.api.spdm.VendorDefinedMessage}).
 *
 * @param version SPDMVersion
 * @param request true for VENDOR_DEFINED_REQUEST
 * @param large true for the 1.4 large form
 * @param standardId the registry (3 = PCI-SIG)
 * @param vendorId the vendor id bytes
 * @param payload the vendor-defined payload
 */
public record VendorDefined(int version, boolean request, boolean large, int standardId, ByteString vendorId,
                            ByteString payload) implements SpdmMessage {

    /** Param1's LargeReq / LargeResp bit. */
    public static final int LARGE = 0x80;

    public VendorDefined {
        Header.checkU16("standardId", standardId);
        Header.checkU8("vendorId length", vendorId.size());
        if (large && version < 0x14) {
            throw new IllegalArgumentException("the large VENDOR_DEFINED form needs SPDM 1.4, not " + version);
        }
        if (!large && payload.size() > 0xFFFF) {
            throw new IllegalArgumentException("a payload over 65,535 bytes needs the large form: " + payload.size());
        }
    }

    @Override
    public RequestResponseCode code() {
        return request ? RequestResponseCode.VENDOR_DEFINED_REQUEST : RequestResponseCode.VENDOR_DEFINED_RESPONSE;
    }

    @Override
    public ByteString encode() {
        WireWriter out = new Header(version, code(), large ? LARGE : 0, 0).writer().u16(standardId)
                .u8(vendorId.size()).bytes(vendorId);
        if (large) {
            out.u16(0).u32(payload.size());
        } else {
            out.u16(payload.size());
        }
        return out.bytes(payload).toByteString();
    }

    static VendorDefined decode(WireReader in, Header header) throws MalformedException {
        boolean large = header.version() >= 0x14 && (header.param1() & LARGE) != 0;
        in.reservedBits("Param1", header.param1(), header.version() >= 0x14 ? 0x7F : 0xFF, 2);
        Header.reservedParam(in, "Param2", header.param2(), 3);
        int standardId = in.u16("StandardID");
        ByteString vendorId = in.bytes("VendorID", in.u8("Len"));
        int shortLength = in.u16(large ? "Reserved (large form)" : "Length");
        long length = shortLength;
        if (large) {
            in.reservedBits("Reserved (large form)", shortLength, 0xFFFF, in.position() - 2);
            length = in.u32("LargeLength");
            if (length > in.remaining()) {
                throw in.failure("LargePayload", in.position(), io.tsmtck.api.wire.DecodeError.Reason.TRUNCATED,
                        "LargeLength " + length + ", " + in.remaining() + " byte(s) left");
            }
        }
        return new VendorDefined(header.version(), header.code() == RequestResponseCode.VENDOR_DEFINED_REQUEST, large,
                standardId, vendorId, in.bytes("payload", (int) length));
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
