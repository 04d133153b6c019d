package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;

/**
 * The TDISP INTERFACE_ID: which TDI a message is about (PCIe Base 6.x 11.3.3, table 11-1). On the
 * wire it is a FUNCTION_ID u32 (bits 15:0 requester id, 23:16 segment, 24 segment valid, 31:25
 * reserved) followed by 8 reserved bytes.
 *
 * @param requesterId the function's requester id (bus 15:8, device 7:3, function 2:0)
 * @param segment the PCI segment; must be 0 unless {@code segmentValid}
 * @param segmentValid whether {@code segment} is meaningful
 */
public record InterfaceId(int requesterId, int segment, boolean segmentValid) {

    static final int WIRE_LENGTH = 12;
    private static final long FUNCTION_ID_RESERVED = 0xFE00_0000L;
    private static final long SEGMENT_BITS = 0x00FF_0000L;

    public InterfaceId {
        if (requesterId < 0 || requesterId > 0xFFFF) {
            throw new IllegalArgumentException("requesterId must be a u16: " + requesterId);
        }
        if (segment < 0 || segment > 0xFF) {
            throw new IllegalArgumentException("segment must be a u8: " + segment);
        }
        if (!segmentValid && segment != 0) {
            throw new IllegalArgumentException("segment must be 0 when segmentValid is false");
        }
    }

    /** An interface in segment 0 without the segment-valid bit. */
    public static InterfaceId of(int requesterId) {
        return new InterfaceId(requesterId, 0, false);
    }

    /** The FUNCTION_ID u32 as it goes on the wire. */
    public long functionId() {
        return requesterId | ((long) segment << 16) | (segmentValid ? 1L << 24 : 0);
    }

    void write(WireWriter out) {
        out.u32(functionId()).u64(0);
    }

    static InterfaceId read(WireReader in) throws MalformedException {
        int offset = in.position();
        long functionId = in.reservedBits("INTERFACE_ID.FUNCTION_ID", in.u32("INTERFACE_ID.FUNCTION_ID"),
                FUNCTION_ID_RESERVED, offset);
        boolean segmentValid = (functionId & (1L << 24)) != 0;
        if (!segmentValid) {
            functionId = in.reservedBits("INTERFACE_ID.FUNCTION_ID segment (segment-valid is 0)", functionId,
                    SEGMENT_BITS, offset);
        }
        in.reserved("INTERFACE_ID reserved", 8);
        return new InterfaceId((int) (functionId & 0xFFFF), (int) ((functionId >> 16) & 0xFF), segmentValid);
    }

    @Override
    public String toString() {
        return String.format("%s%02x:%02x.%d", segmentValid ? String.format("%02x:", segment) : "",
                requesterId >> 8, (requesterId >> 3) & 0x1F, requesterId & 7);
    }
}
