package io.tsmtck.api.idekm;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.WireReader;

/**
 * Encodes and decodes IDE_KM objects (the bytes after the protocol id). Strict about lengths and codes;
 * reserved fields per {@link ReservedPolicy}. Never throws for bad input. Stateless and
 * thread-safe.
 */
public final class IdeKmCodec {

    private IdeKmCodec() {
    }

    /** The bytes of {@code message}, as {@link io.tsmtck.api.tdisp.TdispCodec#encode} gives a TDISP message's. */
    public static ByteString encode(IdeKmMessage message) {
        return message.encode();
    }

    /** Decodes rejecting non-zero reserved fields. */
    public static DecodeResult<IdeKmMessage> decode(ByteString bytes) {
        return decode(bytes, ReservedPolicy.REJECT);
    }

    /** Decodes with the given reserved-field policy. */
    public static DecodeResult<IdeKmMessage> decode(ByteString bytes, ReservedPolicy policy) {
        WireReader in = WireReader.littleEndian(bytes, "IDE_KM object", policy);
        try {
            int code = in.u8("ObjectID");
            in.identify(IdeKmObjectId.fromCode(code).map(Enum::name).orElse("IDE_KM object"), code);
            IdeKmObjectId id = IdeKmObjectId.fromCode(code).orElseThrow(() -> in.failure("ObjectID", 0,
                    DecodeError.Reason.UNKNOWN_CODE, String.format("0x%02X is not an IDE_KM object id", code)));
            IdeKmMessage message = readBody(id, in);
            in.expectEnd();
            return DecodeResult.decoded(message);
        } catch (MalformedException e) {
            return DecodeResult.malformed(e.error());
        }
    }

    private static IdeKmMessage readBody(IdeKmObjectId id, WireReader in) throws MalformedException {
        switch (id) {
            case QUERY:
                in.reserved("reserved (offset 1)", 1);
                return new IdeKmQuery(in.u8("PortIndex"));
            case QUERY_RESP:
                return readQueryResponse(in);
            case KEY_PROG: {
                int stream = readStreamId(in);
                in.reserved("reserved (offset 4)", 1);
                return new KeyProg(stream, KeySubStream.read(in), in.u8("PortIndex"),
                        in.bytes("KEY", KeyProg.KEY_LENGTH), in.bytes("IFV", KeyProg.IFV_LENGTH));
            }
            case KP_ACK: {
                int stream = readStreamId(in);
                int offset = in.position();
                int raw = in.u8("Status");
                KpAckStatus status = KpAckStatus.fromCode(raw).orElseThrow(() -> in.failure("Status", offset,
                        DecodeError.Reason.UNKNOWN_CODE, raw + " is not a KP_ACK status (0..4)"));
                return new KpAck(stream, status, KeySubStream.read(in), in.u8("PortIndex"));
            }
            default: {
                int stream = readStreamId(in);
                in.reserved("reserved (offset 4)", 1);
                return new KeySetCommand(id, stream, KeySubStream.read(in), in.u8("PortIndex"));
            }
        }
    }

    private static int readStreamId(WireReader in) throws MalformedException {
        in.reserved("reserved (offset 1)", 2);
        return in.u8("StreamID");
    }

    private static IdeKmQueryResponse readQueryResponse(WireReader in) throws MalformedException {
        in.reserved("reserved (offset 1)", 1);
        int port = in.u8("PortIndex");
        int devFunc = in.u8("DevFuncNum");
        int bus = in.u8("BusNum");
        int segment = in.u8("Segment");
        int maxPort = in.u8("MaxPortIndex");
        int offset = in.position();
        if (in.remaining() % 4 != 0) {
            throw in.invalid("IDE capability", offset, in.remaining() + " bytes is not whole DWORDs");
        }
        return new IdeKmQueryResponse(port, devFunc, bus, segment, maxPort, in.rest("IDE capability"));
    }

    static void checkU8(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " must be a u8: " + value);
        }
    }
}
