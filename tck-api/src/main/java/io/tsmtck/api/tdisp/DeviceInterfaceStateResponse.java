package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * DEVICE_INTERFACE_STATE (0x05, 17 bytes; PCIe Base 6.x 11.3.13): the TDI's state as the device
 * sees it. The kit's oracle for every state rule.
 *
 * @param header version and interface
 * @param state TDI_STATE
 */
public record DeviceInterfaceStateResponse(TdispHeader header, TdiState state) implements TdispMessage {

    public DeviceInterfaceStateResponse {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(state, "state");
    }

    @Override
    public MessageType type() {
        return MessageType.DEVICE_INTERFACE_STATE;
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.u8(state.code());
    }

    static DeviceInterfaceStateResponse read(MessageType type, TdispHeader header, WireReader in)
            throws MalformedException {
        int offset = in.position();
        int code = in.u8("TDI_STATE");
        TdiState state = TdiState.fromCode(code)
                .orElseThrow(() -> in.invalid("TDI_STATE", offset, code + " is not a TDI state (0..3)"));
        return new DeviceInterfaceStateResponse(header, state);
    }
}
