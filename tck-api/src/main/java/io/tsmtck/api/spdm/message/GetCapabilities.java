package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;

/**
 * GET_CAPABILITIES: from 1.1 reserved u8, CTExponent u8, reserved u16, Flags u32; from 1.2 also
 * DataTransferSize u32 and MaxSPDMmsgSize u32.
 */
public record GetCapabilities(int version, int ctExponent, long flags, long dataTransferSize,
                              long maxMessageSize) implements SpdmMessage {

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.GET_CAPABILITIES;
    }

    @Override
    public ByteString encode() {
        WireWriter out = new Header(version, code(), 0, 0).writer();
        if (version >= 0x11) {
            out.u8(0).u8(ctExponent).u16(0).u32(flags);
        }
        if (version >= 0x12) {
            out.u32(dataTransferSize).u32(maxMessageSize);
        }
        return out.toByteString();
    }

    static GetCapabilities decode(WireReader in, Header header) throws MalformedException {
        Header.reservedParam(in, "Param1", header.param1(), 2);
        Header.reservedParam(in, "Param2", header.param2(), 3);
        if (header.version() < 0x11) {
            return new GetCapabilities(header.version(), 0, 0, 0, 0);
        }
        in.reserved("Reserved", 1);
        int exponent = in.u8("CTExponent");
        in.reserved("Reserved", 2);
        long flags = in.u32("Flags");
        if (header.version() < 0x12) {
            return new GetCapabilities(header.version(), exponent, flags, 0, 0);
        }
        return new GetCapabilities(header.version(), exponent, flags, in.u32("DataTransferSize"),
                in.u32("MaxSPDMmsgSize"));
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
