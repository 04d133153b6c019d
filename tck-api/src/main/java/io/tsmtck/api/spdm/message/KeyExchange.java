package io.tsmtck.api.spdm.message;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.HexText;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;

/**
 * KEY_EXCHANGE: Param1 the measurement summary hash type, Param2 the slot; ReqSessionID u16,
 * SessionPolicy u8 (1.2+, else reserved), reserved u8, RandomData (32), ExchangeData (D),
 * OpaqueDataLength u16, OpaqueData.
 */
public record KeyExchange(int version, int measurementSummaryType, int slot, int requesterSessionId,
                          int sessionPolicy, ByteString random, ByteString exchangeData, ByteString opaque)
        implements SpdmMessage {

    public KeyExchange {
        Header.checkU16("requesterSessionId", requesterSessionId);
        if (random.size() != 32) {
            throw new IllegalArgumentException("KEY_EXCHANGE's RandomData is 32 bytes: " + random.size());
        }
    }

    @Override
    public RequestResponseCode code() {
        return RequestResponseCode.KEY_EXCHANGE;
    }

    @Override
    public ByteString encode() {
        return new Header(version, code(), measurementSummaryType, slot).writer().u16(requesterSessionId)
                .u8(sessionPolicy).u8(0).bytes(random).bytes(exchangeData).u16(opaque.size()).bytes(opaque)
                .toByteString();
    }

    static KeyExchange decode(WireReader in, Header header, MessageSizes sizes) throws MalformedException {
        if (sizes.exchangeDataSize() == 0) {
            throw in.invalid("ExchangeData", 40, "KEY_EXCHANGE needs the negotiated DHE group (after ALGORITHMS)");
        }
        int sessionId = in.u16("ReqSessionID");
        int policy = in.u8("SessionPolicy");
        if (header.version() < 0x12) {
            policy = (int) in.reservedBits("SessionPolicy", policy, 0xFF, 6);
        }
        in.reserved("Reserved", 1);
        ByteString random = in.bytes("RandomData", 32);
        ByteString exchange = in.bytes("ExchangeData", sizes.exchangeDataSize());
        ByteString opaque = in.bytes("OpaqueData", in.u16("OpaqueDataLength"));
        return new KeyExchange(header.version(), header.param1(), header.param2(), sessionId, policy, random, exchange,
                opaque);
    }

    @Override
    public String toString() {
        return HexText.of(this);
    }
}
