package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.util.Objects;

/**
 * SET_MMIO_ATTRIBUTE_REQUEST (0x8A, 32 bytes; PCIe Base 6.x 11.3.22; optional, legal only in RUN).
 * The attribute bits 1:0 must be zero; that is a protocol check of the responder (INVALID_REQUEST),
 * so the codec carries them as they are.
 *
 * @param header version and interface
 * @param firstPage first page of the range
 * @param numberOfPages number of 4 KiB pages
 * @param attributes the ATTR u16 (bit 2 IS_NON_TEE_MEM)
 * @param rangeId the MMIO range
 */
public record SetMmioAttributeRequest(TdispHeader header, long firstPage, long numberOfPages, int attributes,
                                      int rangeId) implements TdispMessage {

    /** ATTR bit 2: the range is not TEE memory. */
    public static final int ATTR_IS_NON_TEE_MEM = 1 << 2;

    public SetMmioAttributeRequest {
        Objects.requireNonNull(header, "header");
        Fields.checkU32("numberOfPages", numberOfPages);
        Fields.checkU16("attributes", attributes);
        Fields.checkU16("rangeId", rangeId);
    }

    @Override
    public MessageType type() {
        return MessageType.SET_MMIO_ATTRIBUTE_REQUEST;
    }

    @Override
    public void encodeBody(WireWriter out) {
        out.u64(firstPage).u32(numberOfPages).u16(attributes).u16(rangeId);
    }

    static SetMmioAttributeRequest read(MessageType type, TdispHeader header, WireReader in)
            throws MalformedException {
        return new SetMmioAttributeRequest(header, in.u64("FIRST_PAGE"), in.u32("NUMBER_OF_PAGES"),
                in.u16("ATTR"), in.u16("RANGE_ID"));
    }
}
