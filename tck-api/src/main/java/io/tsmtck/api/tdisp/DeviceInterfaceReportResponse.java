package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * DEVICE_INTERFACE_REPORT (0x04; PCIe Base 6.x 11.3.11): PORTION_LENGTH u16, REMAINDER_LENGTH u16,
 * then a portion of the {@link InterfaceReport}. REMAINDER_LENGTH is 0 on the last portion.
 *
 * @param header version and interface
 * @param portion the report bytes of this response (PORTION_LENGTH is its size)
 * @param remainderLength bytes of the report after this portion
 */
public record DeviceInterfaceReportResponse(TdispHeader header, ByteString portion, int remainderLength)
        implements TdispMessage {

    public DeviceInterfaceReportResponse {
        Objects.requireNonNull(header, "header");
        Fields.checkU16("portion length", portion.size());
        Fields.checkU16("remainderLength", remainderLength);
    }

    @Override
    public MessageType type() {
        return MessageType.DEVICE_INTERFACE_REPORT;
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.u16(portion.size()).u16(remainderLength).bytes(portion);
    }

    static DeviceInterfaceReportResponse read(MessageType type, TdispHeader header, WireReader in)
            throws MalformedException {
        int portionLength = in.u16("PORTION_LENGTH");
        int remainder = in.u16("REMAINDER_LENGTH");
        return new DeviceInterfaceReportResponse(header, in.bytes("REPORT_BYTES", portionLength), remainder);
    }
}
