package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.Collection;
import java.util.Objects;

/**
 * TDISP_CAPABILITIES (0x02, 44 bytes; PCIe Base 6.x 11.3.7, table 11-8).
 *
 * @param header version and interface
 * @param dsmCaps DSM_CAPS u32, all its bits reserved (table 11-9): zero from a well-formed device
 * @param requestsSupported REQ_MSGS_SUPPORTED, 16 bytes; bit {@code code - 0x80} set for each
 *     supported request
 * @param lockFlagsSupported LOCK_INTERFACE_FLAGS_SUPPORTED u16
 * @param devAddrWidth DEV_ADDR_WIDTH
 * @param numReqThis NUM_REQ_THIS
 * @param numReqAll NUM_REQ_ALL
 */
public record TdispCapabilitiesResponse(TdispHeader header, long dsmCaps, ByteString requestsSupported,
                                        int lockFlagsSupported, int devAddrWidth, int numReqThis, int numReqAll)
        implements TdispMessage {

    /** Length of REQ_MSGS_SUPPORTED. */
    public static final int REQUEST_BITMAP_LENGTH = 16;
    /** The bits of REQ_MSGS_SUPPORTED's first two bytes that name no request: bit 0 (0x80) and bits 15:12. */
    static final int RESERVED_REQUEST_BITS = 0xF001;

    public TdispCapabilitiesResponse {
        Objects.requireNonNull(header, "header");
        Fields.checkU32("dsmCaps", dsmCaps);
        Fields.checkLength("requestsSupported", requestsSupported, REQUEST_BITMAP_LENGTH);
        Fields.checkU16("lockFlagsSupported", lockFlagsSupported);
        Fields.checkU8("devAddrWidth", devAddrWidth);
        Fields.checkU8("numReqThis", numReqThis);
        Fields.checkU8("numReqAll", numReqAll);
    }

    /** REQ_MSGS_SUPPORTED with the bit of each of {@code requests} set. */
    public static ByteString requestBitmap(Collection<MessageType> requests) {
        byte[] bitmap = new byte[REQUEST_BITMAP_LENGTH];
        for (MessageType request : requests) {
            if (!request.isRequest()) {
                throw new IllegalArgumentException(request + " is not a request");
            }
            int bit = request.code() - 0x80;
            bitmap[bit / 8] |= (byte) (1 << (bit % 8));
        }
        return ByteString.of(bitmap);
    }

    /** Whether REQ_MSGS_SUPPORTED has the bit of {@code request}. */
    public boolean supports(MessageType request) {
        int bit = request.code() - 0x80;
        return request.isRequest() && (requestsSupported.get(bit / 8) & (1 << (bit % 8))) != 0;
    }

    @Override
    public MessageType type() {
        return MessageType.TDISP_CAPABILITIES;
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.u32(dsmCaps).bytes(requestsSupported).u16(lockFlagsSupported).zeros(3)
                .u8(devAddrWidth).u8(numReqThis).u8(numReqAll);
    }

    static TdispCapabilitiesResponse read(MessageType type, TdispHeader header, WireReader in)
            throws MalformedException {
        // DSM_CAPS: "DSM Capability Flags, Bits 31:0 - Reserved" (table 11-9)
        long dsmCaps = in.reservedBits("DSM_CAPS", in.u32("DSM_CAPS"), 0xFFFF_FFFFL, 16);
        ByteString bitmap = in.bytes("REQ_MSGS_SUPPORTED", REQUEST_BITMAP_LENGTH);
        // bit (code - 0x80): bit 0 and the bits past VDM_REQUEST (0x8B) name no request, bytes 2 to 15 none either;
        // an ignoring decoder drops them, as it drops every reserved bit
        long named = in.reservedBits("REQ_MSGS_SUPPORTED bytes 0-1", littleEndian(bitmap, 0, 2),
                RESERVED_REQUEST_BITS, 20);
        in.reservedBits("REQ_MSGS_SUPPORTED bytes 2-9", littleEndian(bitmap, 2, 8), -1L, 22);
        in.reservedBits("REQ_MSGS_SUPPORTED bytes 10-15", littleEndian(bitmap, 10, 6), 0xFFFF_FFFF_FFFFL, 30);
        byte[] requests = new byte[REQUEST_BITMAP_LENGTH];
        requests[0] = (byte) named;
        requests[1] = (byte) (named >>> 8);
        int lockFlags = (int) in.reservedBits("LOCK_INTERFACE_FLAGS_SUPPORTED",
                in.u16("LOCK_INTERFACE_FLAGS_SUPPORTED"), LockFlag.RESERVED_MASK, 36);
        in.reserved("reserved (offset 38)", 3);
        return new TdispCapabilitiesResponse(header, dsmCaps, ByteString.of(requests), lockFlags,
                in.u8("DEV_ADDR_WIDTH"), in.u8("NUM_REQ_THIS"), in.u8("NUM_REQ_ALL"));
    }

    private static long littleEndian(ByteString bytes, int offset, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = value << 8 | bytes.get(offset + i) & 0xFF;
        }
        return value;
    }
}
