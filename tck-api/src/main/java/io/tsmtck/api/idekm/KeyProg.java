package io.tsmtck.api.idekm;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * KEY_PROG (0x02, 47 bytes after the protocol id): programs one key of one sub-stream and direction of a stream. A full
 * set for a stream is six keys (RX/TX x PR/NPR/CPL), each acknowledged by {@link KpAck}.
 *
 * @param streamId the IDE stream
 * @param keySubStream key set, direction, sub-stream
 * @param portIndex the port
 * @param key 8 DWORDs (AES-256 key)
 * @param ifv 2 DWORDs (invocation field of the IV)
 */
public record KeyProg(int streamId, KeySubStream keySubStream, int portIndex, ByteString key, ByteString ifv)
        implements IdeKmMessage {

    /** Key length in bytes. */
    public static final int KEY_LENGTH = 32;
    /** IFV length in bytes. */
    public static final int IFV_LENGTH = 8;

    public KeyProg {
        IdeKmCodec.checkU8("streamId", streamId);
        Objects.requireNonNull(keySubStream, "keySubStream");
        IdeKmCodec.checkU8("portIndex", portIndex);
        if (key.size() != KEY_LENGTH || ifv.size() != IFV_LENGTH) {
            throw new IllegalArgumentException("key is 32 bytes and IFV 8 bytes: " + key.size() + ", " + ifv.size());
        }
    }

    @Override
    public IdeKmObjectId objectId() {
        return IdeKmObjectId.KEY_PROG;
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.u16(0).u8(streamId).u8(0).u8(keySubStream.toByte()).u8(portIndex).bytes(key).bytes(ifv);
    }
}
