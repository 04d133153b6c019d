package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * LOCK_INTERFACE_RESPONSE (0x03, 48 bytes; PCIe Base 6.x 11.3.9): the START_INTERFACE_NONCE that
 * START_INTERFACE_REQUEST must echo.
 *
 * @param header version and interface
 * @param nonce 32 bytes
 */
public record LockInterfaceResponse(TdispHeader header, ByteString nonce) implements TdispMessage {

    public LockInterfaceResponse {
        Objects.requireNonNull(header, "header");
        Fields.checkLength("nonce", nonce, StartInterfaceRequest.NONCE_LENGTH);
    }

    @Override
    public MessageType type() {
        return MessageType.LOCK_INTERFACE_RESPONSE;
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.bytes(nonce);
    }

    static LockInterfaceResponse read(MessageType type, TdispHeader header, WireReader in) throws MalformedException {
        return new LockInterfaceResponse(header, in.bytes("START_INTERFACE_NONCE", StartInterfaceRequest.NONCE_LENGTH));
    }
}
