package io.tsmtck.api.idekm;

import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * K_SET_GO (0x04), K_SET_STOP (0x05) or K_GOSTOP_ACK (0x06), 7 bytes each: starts or stops using a
 * programmed key set for one sub-stream and direction, and its acknowledgement.
 *
 * @param objectId which of the three
 * @param streamId the IDE stream
 * @param keySubStream key set, direction, sub-stream
 * @param portIndex the port
 */
public record KeySetCommand(IdeKmObjectId objectId, int streamId, KeySubStream keySubStream, int portIndex)
        implements IdeKmMessage {

    public KeySetCommand {
        if (objectId != IdeKmObjectId.K_SET_GO && objectId != IdeKmObjectId.K_SET_STOP
                && objectId != IdeKmObjectId.K_GOSTOP_ACK) {
            throw new IllegalArgumentException("not a key set command: " + objectId);
        }
        IdeKmCodec.checkU8("streamId", streamId);
        Objects.requireNonNull(keySubStream, "keySubStream");
        IdeKmCodec.checkU8("portIndex", portIndex);
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.u16(0).u8(streamId).u8(0).u8(keySubStream.toByte()).u8(portIndex);
    }
}
