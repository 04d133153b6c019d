package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;

/**
 * MEASUREMENTS: Param1 the number of measurement indices when the request asked for it (operation 0),
 * else reserved; Param2 SlotIDParam (bits 3:0 the slot of a signed response; from 1.2 bits 5:4
 * ContentChanged); NumberOfBlocks u8, MeasurementRecordLength u24, MeasurementRecord, Nonce (32),
 * OpaqueDataLength u16, OpaqueData, RequesterContext (8, from 1.3), Signature (S, when requested).
 */
public record MeasurementsResponse(int version, int param1, int param2, int numberOfBlocks, ByteString record,
                                   ByteString nonce, ByteString opaque, ByteString context, ByteString signature)
        implements SpdmMessage {

    /** The largest MeasurementRecordLength (a 24-bit field). */
    public static final int MAX_RECORD = (1 << 24) - 1;

    public MeasurementsResponse {
        Header.checkU8("numberOfBlocks", numberOfBlocks);
        Header.checkU16("opaque length", opaque.size());
        if (record.size() > MAX_RECORD) {
            throw new IllegalArgumentException("MeasurementRecordLength is 24 bits: " + record.size());
        }
        if (nonce.size() != 32) {
            throw new IllegalArgumentException("MEASUREMENTS' nonce is 32 bytes: " + nonce.size());
        }
        if (context.size() != (version >= 0x13 ? 8 : 0)) {
            throw new IllegalArgumentException("RequesterContext is 8 bytes from 1.3 on, else absent");
        }
    }

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.MEASUREMENTS;
    }

    /** The slot of a signed response (Param2 bits 3:0). */
    public int slot() {
        return param2 & 0x0F;
    }

    /** ContentChanged (Param2 bits 5:4, 1.2+): 0 not supported, 1 changed, 2 no change. */
    public int contentChanged() {
        return (param2 >> 4) & 0x3;
    }

    @Override
    public ByteString encode() {
        return WireWriter.littleEndian().bytes(beforeSignature()).bytes(signature).toByteString();
    }

    /** The response up to the signature: the end of the L1/L2 transcript it signs. */
    public ByteString beforeSignature() {
        return new Header(version, code(), param1, param2).writer().u8(numberOfBlocks).u16(record.size() & 0xFFFF)
                .u8(record.size() >>> 16).bytes(record).bytes(nonce).u16(opaque.size()).bytes(opaque).bytes(context)
                .toByteString();
    }

    /** This response with {@code data} as its signature. */
    public MeasurementsResponse withSignature(ByteString data) {
        return new MeasurementsResponse(version, param1, param2, numberOfBlocks, record, nonce, opaque, context, data);
    }

    static MeasurementsResponse decode(WireReader in, Header header, MessageSizes sizes) throws MalformedException {
        int blocks = in.u8("NumberOfBlocks");
        int low = in.u16("MeasurementRecordLength");
        int length = low | in.u8("MeasurementRecordLength") << 16;
        ByteString record = in.bytes("MeasurementRecord", length);
        ByteString nonce = in.bytes("Nonce", 32);
        ByteString opaque = in.bytes("OpaqueData", in.u16("OpaqueDataLength"));
        ByteString context = header.version() >= 0x13 ? in.bytes("RequesterContext", 8) : ByteString.EMPTY;
        ByteString signature = sizes.signedMeasurements() ? in.bytes("Signature", sizes.signatureSize())
                : ByteString.EMPTY;
        return new MeasurementsResponse(header.version(), header.param1(), header.param2(), blocks, record, nonce,
                opaque, context, signature);
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
