package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * GET_TDISP_CAPABILITIES (0x82, 20 bytes): the requester's TSM_CAPS (PCIe Base 6.x 11.3.6).
 *
 * @param header version and interface
 * @param tsmCaps the TSM capabilities u32 (all bits currently reserved by the spec)
 */
public record GetTdispCapabilities(TdispHeader header, long tsmCaps) implements TdispMessage {

    public GetTdispCapabilities {
        Objects.requireNonNull(header, "header");
        Fields.checkU32("tsmCaps", tsmCaps);
    }

    @Override
    public MessageType type() {
        return MessageType.GET_TDISP_CAPABILITIES;
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.u32(tsmCaps);
    }

    static GetTdispCapabilities read(MessageType type, TdispHeader header, WireReader in) throws MalformedException {
        return new GetTdispCapabilities(header, in.u32("TSM_CAPS"));
    }
}
