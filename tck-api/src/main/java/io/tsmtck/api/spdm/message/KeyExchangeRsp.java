package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;

/**
 * KEY_EXCHANGE_RSP: Param1 HeartbeatPeriod, Param2 reserved; RspSessionID u16, MutAuthRequested
 * u8, ReqSlotIDParam u8, RandomData (32), ExchangeData (D), MeasurementSummaryHash (H or absent),
 * OpaqueDataLength u16, OpaqueData, Signature (S), ResponderVerifyData (H, absent when the
 * handshake is in the clear).
 */
public record KeyExchangeRsp(int version, int heartbeatPeriod, int responderSessionId, int mutAuthRequested,
                             int requesterSlot, ByteString random, ByteString exchangeData,
                             ByteString measurementSummary, ByteString opaque, ByteString signature,
                             ByteString verifyData) implements SpdmMessage {

    public KeyExchangeRsp {
        Header.checkU16("responderSessionId", responderSessionId);
    }

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.KEY_EXCHANGE_RSP;
    }

    @Override
    public ByteString encode() {
        return WireWriter.littleEndian().bytes(beforeSignature()).bytes(signature).bytes(verifyData).toByteString();
    }

    /** The message up to the signature: the end of the signed transcript. */
    public ByteString beforeSignature() {
        return new Header(version, code(), heartbeatPeriod, 0).writer().u16(responderSessionId).u8(mutAuthRequested)
                .u8(requesterSlot).bytes(random).bytes(exchangeData).bytes(measurementSummary).u16(opaque.size())
                .bytes(opaque).toByteString();
    }

    /** The message up to ResponderVerifyData: the end of TH1. */
    public ByteString beforeVerifyData() {
        return WireWriter.littleEndian().bytes(beforeSignature()).bytes(signature).toByteString();
    }

    /** This response with another verify data (the responder computes it last). */
    public KeyExchangeRsp withVerifyData(ByteString data) {
        return new KeyExchangeRsp(version, heartbeatPeriod, responderSessionId, mutAuthRequested, requesterSlot, random,
                exchangeData, measurementSummary, opaque, signature, data);
    }

    /** This response with a signature. */
    public KeyExchangeRsp withSignature(ByteString data) {
        return new KeyExchangeRsp(version, heartbeatPeriod, responderSessionId, mutAuthRequested, requesterSlot, random,
                exchangeData, measurementSummary, opaque, data, verifyData);
    }

    static KeyExchangeRsp decode(WireReader in, Header header, MessageSizes sizes) throws MalformedException {
        if (sizes.exchangeDataSize() == 0 || sizes.hashSize() == 0) {
            throw in.invalid("ExchangeData", 40, "KEY_EXCHANGE_RSP needs the negotiated algorithms");
        }
        Header.reservedParam(in, "Param2", header.param2(), 3);
        int sessionId = in.u16("RspSessionID");
        int mutAuth = in.u8("MutAuthRequested");
        int slot = in.u8("ReqSlotIDParam");
        ByteString random = in.bytes("RandomData", 32);
        ByteString exchange = in.bytes("ExchangeData", sizes.exchangeDataSize());
        ByteString summary = in.bytes("MeasurementSummaryHash", sizes.summarySize());
        ByteString opaque = in.bytes("OpaqueData", in.u16("OpaqueDataLength"));
        ByteString signature = in.bytes("Signature", sizes.signatureSize());
        ByteString verify = in.bytes("ResponderVerifyData", sizes.handshakeInTheClear() ? 0 : sizes.hashSize());
        return new KeyExchangeRsp(header.version(), header.param1(), sessionId, mutAuth, slot, random, exchange,
                summary, opaque, signature, verify);
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
