package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;

/**
 * CHALLENGE_AUTH: Param1 bits 3:0 the slot, Param2 the slot mask; CertChainHash (H), Nonce (32),
 * MeasurementSummaryHash (H or absent), OpaqueDataLength u16, OpaqueData, from 1.3 RequesterContext
 * (8), Signature (S).
 */
public record ChallengeAuth(int version, int param1, int slotMask, ByteString certChainHash, ByteString nonce,
                            ByteString measurementSummary, ByteString opaque, ByteString context,
                            ByteString signature) implements SpdmMessage {

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.CHALLENGE_AUTH;
    }

    @Override
    public ByteString encode() {
        return WireWriter.littleEndian().bytes(withoutSignature()).bytes(signature).toByteString();
    }

    /** The message up to its signature, the last part of the signed transcript. */
    public ByteString withoutSignature() {
        return new Header(version, code(), param1, slotMask).writer().bytes(certChainHash).bytes(nonce)
                .bytes(measurementSummary).u16(opaque.size()).bytes(opaque).bytes(context).toByteString();
    }

    static ChallengeAuth decode(WireReader in, Header header, MessageSizes sizes) throws MalformedException {
        DigestsResponse.requireHash(in, sizes);
        ByteString hash = in.bytes("CertChainHash", sizes.hashSize());
        ByteString nonce = in.bytes("Nonce", 32);
        ByteString summary = in.bytes("MeasurementSummaryHash", sizes.summarySize());
        ByteString opaque = in.bytes("OpaqueData", in.u16("OpaqueDataLength"));
        ByteString context = header.version() >= 0x13 ? in.bytes("RequesterContext", 8) : ByteString.EMPTY;
        return new ChallengeAuth(header.version(), header.param1(), header.param2(), hash, nonce, summary, opaque,
                context, in.bytes("Signature", sizes.signatureSize()));
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
