package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * VDM_REQUEST (0x8B) or VDM_RESPONSE (0x0B): vendor-defined TDISP messages (PCIe Base 6.x
 * 11.3.23-11.3.24; optional). The payload runs to the end of the message.
 *
 * @param type {@link MessageType#VDM_REQUEST} or {@link MessageType#VDM_RESPONSE}
 * @param header version and interface
 * @param payload registry, vendor id and data
 */
public record VdmMessage(MessageType type, TdispHeader header, VendorPayload payload) implements TdispMessage {

    public VdmMessage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
        if (type != MessageType.VDM_REQUEST && type != MessageType.VDM_RESPONSE) {
            throw new IllegalArgumentException("not a VDM message: " + type);
        }
    }

    @Override
    public void encodeBody(WireWriter out) {
        payload.write(out);
    }

    static VdmMessage read(MessageType type, TdispHeader header, WireReader in) throws MalformedException {
        return new VdmMessage(type, header, VendorPayload.read(in, in.remaining()));
    }
}
