package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;

/**
 * GET_MEASUREMENTS (DSP0274 "GET_MEASUREMENTS request and MEASUREMENTS response"): Param1 the
 * request attributes (bit 0 SignatureRequested, bit 1 RawBitStreamRequested from 1.2, bit 2
 * NewMeasurementRequested from 1.3), Param2 the operation (0 the number of measurements, 1 to 0xFE
 * one index, 0xFF all). With a signature requested: Nonce (32) and, from 1.1, SlotIDParam u8
 * (bits 3:0 the slot). From 1.3 RequesterContext (8), signed or not.
 *
 * @param slotIdParam the SlotIDParam byte, -1 when absent (no signature requested, or 1.0)
 */
public record GetMeasurements(int version, int attributes, int operation, ByteString nonce, int slotIdParam,
                              ByteString context) implements SpdmMessage {

    /** Param1 bit 0: the response is signed. */
    public static final int SIGNATURE_REQUESTED = 0x01;
    /** Param1 bit 1 (1.2+): the measurement values as raw bit streams where the device has them. */
    public static final int RAW_BIT_STREAM_REQUESTED = 0x02;
    /** Param2 0: only the number of measurement indices, in the response's Param1. */
    public static final int NUMBER_OF_MEASUREMENTS = 0x00;
    /** Param2 0xFF: every measurement block. */
    public static final int ALL_MEASUREMENTS = 0xFF;

    public GetMeasurements {
        Header.checkU8("attributes", attributes);
        Header.checkU8("operation", operation);
        boolean signed = (attributes & SIGNATURE_REQUESTED) != 0;
        if (nonce.size() != (signed ? 32 : 0)) {
            throw new IllegalArgumentException("GET_MEASUREMENTS carries a 32-byte nonce when, and only when, it asks "
                    + "for a signature: " + nonce.size() + " bytes");
        }
        if ((slotIdParam >= 0) != (signed && version >= 0x11)) {
            throw new IllegalArgumentException("SlotIDParam is present when a signature is requested from 1.1 on");
        }
        if (context.size() != (version >= 0x13 ? 8 : 0)) {
            throw new IllegalArgumentException("RequesterContext is 8 bytes from 1.3 on, else absent");
        }
    }

    /** A request for {@code operation}, signed over {@code nonce} with the key of {@code slot}. */
    public static GetMeasurements signed(int version, int operation, ByteString nonce, int slot, ByteString context) {
        return new GetMeasurements(version, SIGNATURE_REQUESTED, operation, nonce, version >= 0x11 ? slot : -1,
                context);
    }

    /** A request for {@code operation} without a signature. */
    public static GetMeasurements unsigned(int version, int operation, ByteString context) {
        return new GetMeasurements(version, 0, operation, ByteString.EMPTY, -1, context);
    }

    /** Whether the response carries a signature. */
    public boolean signatureRequested() {
        return (attributes & SIGNATURE_REQUESTED) != 0;
    }

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.GET_MEASUREMENTS;
    }

    @Override
    public ByteString encode() {
        WireWriter out = new Header(version, code(), attributes, operation).writer().bytes(nonce);
        if (slotIdParam >= 0) {
            out.u8(slotIdParam);
        }
        return out.bytes(context).toByteString();
    }

    static GetMeasurements decode(WireReader in, Header header) throws MalformedException {
        boolean signed = (header.param1() & SIGNATURE_REQUESTED) != 0;
        ByteString nonce = signed ? in.bytes("Nonce", 32) : ByteString.EMPTY;
        int slot = signed && header.version() >= 0x11 ? in.u8("SlotIDParam") : -1;
        ByteString context = header.version() >= 0x13 ? in.bytes("RequesterContext", 8) : ByteString.EMPTY;
        return new GetMeasurements(header.version(), header.param1(), header.param2(), nonce, slot, context);
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
