package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * GET_DEVICE_INTERFACE_REPORT (0x84, 20 bytes; PCIe Base 6.x 11.3.10): asks for {@code length}
 * bytes of the interface report starting at {@code offset}.
 *
 * @param header version and interface
 * @param offset byte offset into the report
 * @param length bytes asked for
 */
public record GetDeviceInterfaceReport(TdispHeader header, int offset, int length) implements TdispMessage {

    public GetDeviceInterfaceReport {
        Objects.requireNonNull(header, "header");
        Fields.checkU16("offset", offset);
        Fields.checkU16("length", length);
    }

    @Override
    public MessageType type() {
        return MessageType.GET_DEVICE_INTERFACE_REPORT;
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.u16(offset).u16(length);
    }

    static GetDeviceInterfaceReport read(MessageType type, TdispHeader header, WireReader in)
            throws MalformedException {
        return new GetDeviceInterfaceReport(header, in.u16("OFFSET"), in.u16("LENGTH"));
    }
}
