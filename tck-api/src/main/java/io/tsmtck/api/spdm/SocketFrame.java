package io.tsmtck.api.spdm;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireCode;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * One frame of the SPDM socket protocol that DMTF spdm-emu and QEMU's spdm-socket backend speak:
 * command u32, transport u32, size u32 (all big-endian), then {@code size} bytes. With transport
 * {@link #TRANSPORT_PCI_DOE} the payload is one {@link DoeObject}.
 *
 * @param command the frame's command
 * @param transport the transport id
 * @param payload the payload
 */
public record SocketFrame(Command command, long transport, ByteString payload) {

    /** The PCI DOE transport. */
    public static final long TRANSPORT_PCI_DOE = 0x02;

    /** Frame commands. */
    public enum Command implements WireCode {
        NORMAL(0x0001),
        CONTINUE(0xFFFD),
        SHUTDOWN(0xFFFE),
        /** spdm-emu's connection test ("Client Hello!" / "Server Hello!"). */
        TEST(0xDEAD);

        private final int code;

        Command(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    public SocketFrame {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(payload, "payload");
    }

    /** The frame's bytes. */
    public ByteString encode() {
        return WireWriter.bigEndian().u32(command.code()).u32(transport).u32(payload.size()).bytes(payload)
                .toByteString();
    }

    /** The size of a frame header: command, transport and size. */
    public static final int HEADER_SIZE = 12;

    /** Decodes exactly one frame. */
    public static DecodeResult<SocketFrame> decode(ByteString bytes) {
        WireReader in = WireReader.bigEndian(bytes, "SPDM socket frame", ReservedPolicy.REJECT);
        try {
            long code = in.u32("command");
            Command command = WireCode.lookup(Command.class, code).orElseThrow(() -> in.failure("command", 0,
                    DecodeError.Reason.UNKNOWN_CODE,
                    String.format("0x%X is not NORMAL, CONTINUE, SHUTDOWN or TEST", code)));
            long transport = in.u32("transport");
            long size = in.u32("size");
            if (size > in.remaining()) {
                throw in.failure("size", 8, DecodeError.Reason.TRUNCATED,
                        "size says " + size + " bytes, " + in.remaining() + " follow the header");
            }
            ByteString payload = in.bytes("payload", (int) size);
            in.expectEnd();
            return DecodeResult.decoded(new SocketFrame(command, transport, payload));
        } catch (MalformedException e) {
            return DecodeResult.malformed(e.error());
        }
    }
}
