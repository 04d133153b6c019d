package io.tsmtck.api.wire;

/**
 * What a decoder does with reserved fields and reserved bits that are not zero.
 *
 * <p>PCIe's convention (and TDISP's, PCIe Base 6.x 11.3.3 and table 11-1) is that reserved fields
 * are zero on send and ignored on receipt. A responder therefore decodes requests with
 * {@link #IGNORE}; the kit decodes what a device or host sends back with {@link #REJECT}, because a
 * sender that sets reserved bits is not conforming.
 */
public enum ReservedPolicy {
    /** A reserved field that is not zero is a {@link DecodeError.Reason#RESERVED_NOT_ZERO} error. */
    REJECT,
    /** Reserved fields are skipped and their content dropped, as a receiver must per the spec. */
    IGNORE
}
