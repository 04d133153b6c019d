package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;

/**
 * Encodes and decodes TDISP messages (PCIe Base 6.x 11.3). Decoding is strict about lengths and
 * codes: a message is exactly as long as its type's layout says, and an unknown MessageType, error
 * code or state is a {@link DecodeError}. Reserved fields follow the given {@link ReservedPolicy}.
 * The TDISPVersion byte is not checked here: a version mismatch is a protocol answer
 * (VERSION_MISMATCH), not a malformed message.
 *
 * <p>Stateless and thread-safe.
 */
public final class TdispCodec {

    private TdispCodec() {
    }

    /** The bytes of {@code message}. */
    public static ByteString encode(TdispMessage message) {
        WireWriter out = WireWriter.littleEndian();
        out.u8(message.header().version()).u8(message.type().code()).u16(0);
        message.header().interfaceId().write(out);
        message.encodeBody(out);
        return out.toByteString();
    }

    /** Decodes {@code bytes}, rejecting non-zero reserved fields (how the kit reads a device). */
    public static DecodeResult<TdispMessage> decode(ByteString bytes) {
        return decode(bytes, ReservedPolicy.REJECT);
    }

    /** Decodes {@code bytes} with the given reserved-field policy. Never throws for bad input. */
    public static DecodeResult<TdispMessage> decode(ByteString bytes, ReservedPolicy policy) {
        WireReader in = WireReader.littleEndian(bytes, "TDISP message", policy);
        try {
            int version = in.u8("TDISPVersion");
            int code = in.u8("MessageType");
            in.identify(MessageType.fromCode(code).map(Enum::name).orElse("TDISP message"), code);
            MessageType type = MessageType.fromCode(code).orElseThrow(() -> in.failure("MessageType", 1,
                    DecodeError.Reason.UNKNOWN_CODE, String.format("0x%02X is not a TDISP message type", code)));
            in.reserved("reserved (offset 2)", 2);
            TdispHeader header = new TdispHeader(version, InterfaceId.read(in));
            TdispMessage message = type.readBody(header, in);
            in.expectEnd();
            return DecodeResult.decoded(message);
        } catch (MalformedException e) {
            return DecodeResult.malformed(e.error());
        }
    }
}
