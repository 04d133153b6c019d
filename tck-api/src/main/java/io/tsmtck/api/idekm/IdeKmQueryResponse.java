package io.tsmtck.api.idekm;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.WireWriter;

/**
 * QUERY_RESP (0x01): the port's identity and its IDE extended capability registers.
 *
 * @param portIndex the port
 * @param devFuncNum device/function number
 * @param busNum bus number
 * @param segment segment
 * @param maxPortIndex the highest port index
 * @param ideCapability the IDE extended capability registers, whole DWORDs
 */
public record IdeKmQueryResponse(int portIndex, int devFuncNum, int busNum, int segment, int maxPortIndex,
                                 ByteString ideCapability) implements IdeKmMessage {

    public IdeKmQueryResponse {
        IdeKmCodec.checkU8("portIndex", portIndex);
        IdeKmCodec.checkU8("devFuncNum", devFuncNum);
        IdeKmCodec.checkU8("busNum", busNum);
        IdeKmCodec.checkU8("segment", segment);
        IdeKmCodec.checkU8("maxPortIndex", maxPortIndex);
        if (ideCapability.size() % 4 != 0) {
            throw new IllegalArgumentException("IDE capability registers are DWORDs: " + ideCapability.size());
        }
    }

    @Override
    public IdeKmObjectId objectId() {
        return IdeKmObjectId.QUERY_RESP;
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.u8(0).u8(portIndex).u8(devFuncNum).u8(busNum).u8(segment).u8(maxPortIndex).bytes(ideCapability);
    }
}
