package io.tsmtck.api.idekm;

import io.tsmtck.api.wire.WireWriter;

/**
 * QUERY (0x00, 3 bytes): asks for the IDE capability of port {@code portIndex}.
 *
 * @param portIndex the port
 */
public record IdeKmQuery(int portIndex) implements IdeKmMessage {

    public IdeKmQuery {
        IdeKmCodec.checkU8("portIndex", portIndex);
    }

    @Override
    public IdeKmObjectId objectId() {
        return IdeKmObjectId.QUERY;
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.u8(0).u8(portIndex);
    }
}
