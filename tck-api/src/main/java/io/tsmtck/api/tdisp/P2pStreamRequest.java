package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * BIND_P2P_STREAM_REQUEST (0x88) or UNBIND_P2P_STREAM_REQUEST (0x89), 17 bytes each (PCIe Base 6.x
 * 11.3.18-11.3.21; optional, legal only in RUN).
 *
 * @param type {@link MessageType#BIND_P2P_STREAM_REQUEST} or {@link MessageType#UNBIND_P2P_STREAM_REQUEST}
 * @param header version and interface
 * @param streamId the P2P IDE stream
 */
public record P2pStreamRequest(MessageType type, TdispHeader header, int streamId) implements TdispMessage {

    public P2pStreamRequest {
        Objects.requireNonNull(header, "header");
        if (type != MessageType.BIND_P2P_STREAM_REQUEST && type != MessageType.UNBIND_P2P_STREAM_REQUEST) {
            throw new IllegalArgumentException("not a P2P stream request: " + type);
        }
        Fields.checkU8("streamId", streamId);
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.u8(streamId);
    }

    static P2pStreamRequest read(MessageType type, TdispHeader header, WireReader in) throws MalformedException {
        return new P2pStreamRequest(type, header, in.u8("P2P_STREAM_ID"));
    }
}
