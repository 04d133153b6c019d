package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * START_INTERFACE_REQUEST (0x86, 48 bytes; PCIe Base 6.x 11.3.12): moves a CONFIG_LOCKED TDI to RUN
 * if {@code nonce} is the START_INTERFACE_NONCE of the current lock.
 *
 * @param header version and interface
 * @param nonce 32 bytes
 */
public record StartInterfaceRequest(TdispHeader header, ByteString nonce) implements TdispMessage {

    /** Length of START_INTERFACE_NONCE. */
    public static final int NONCE_LENGTH = 32;

    public StartInterfaceRequest {
        Objects.requireNonNull(header, "header");
        Fields.checkLength("nonce", nonce, NONCE_LENGTH);
    }

    @Override
    public MessageType type() {
        return MessageType.START_INTERFACE_REQUEST;
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.bytes(nonce);
    }

    static StartInterfaceRequest read(MessageType type, TdispHeader header, WireReader in) throws MalformedException {
        return new StartInterfaceRequest(header, in.bytes("START_INTERFACE_NONCE", NONCE_LENGTH));
    }
}
