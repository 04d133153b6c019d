package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * LOCK_INTERFACE_REQUEST (0x83, 36 bytes; PCIe Base 6.x 11.3.8, table 11-9): moves a
 * CONFIG_UNLOCKED TDI to CONFIG_LOCKED.
 *
 * @param header version and interface
 * @param flags the FLAGS u16 ({@link LockFlag}; bits 15:5 reserved)
 * @param defaultStreamId the IDE stream the TDI uses by default
 * @param mmioReportingOffset signed offset added to every MMIO address in the interface report
 * @param bindP2pAddressMask address mask for P2P binding
 */
public record LockInterfaceRequest(TdispHeader header, int flags, int defaultStreamId, long mmioReportingOffset,
                                   long bindP2pAddressMask) implements TdispMessage {

    public LockInterfaceRequest {
        Objects.requireNonNull(header, "header");
        Fields.checkU16("flags", flags);
        Fields.checkU8("defaultStreamId", defaultStreamId);
    }

    @Override
    public MessageType type() {
        return MessageType.LOCK_INTERFACE_REQUEST;
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.u16(flags).u8(defaultStreamId).u8(0).u64(mmioReportingOffset).u64(bindP2pAddressMask);
    }

    static LockInterfaceRequest read(MessageType type, TdispHeader header, WireReader in) throws MalformedException {
        int offset = in.position();
        int flags = (int) in.reservedBits("FLAGS", in.u16("FLAGS"), LockFlag.RESERVED_MASK, offset);
        int stream = in.u8("DEFAULT_STREAM_ID");
        in.reserved("reserved (offset 19)", 1);
        return new LockInterfaceRequest(header, flags, stream, in.u64("MMIO_REPORTING_OFFSET"),
                in.u64("BIND_P2P_ADDRESS_MASK"));
    }
}
