package io.tsmtck.api.idekm;

import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * KP_ACK (0x03, 7 bytes after the protocol id): the answer to {@link KeyProg}.
 *
 * @param streamId the IDE stream
 * @param status the outcome
 * @param keySubStream key set, direction, sub-stream
 * @param portIndex the port
 */
public record KpAck(int streamId, KpAckStatus status, KeySubStream keySubStream, int portIndex)
        implements IdeKmMessage {

    public KpAck {
        IdeKmCodec.checkU8("streamId", streamId);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(keySubStream, "keySubStream");
        IdeKmCodec.checkU8("portIndex", portIndex);
    }

    @Override
    public IdeKmObjectId objectId() {
        return IdeKmObjectId.KP_ACK;
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.u16(0).u8(streamId).u8(status.code()).u8(keySubStream.toByte()).u8(portIndex);
    }
}
