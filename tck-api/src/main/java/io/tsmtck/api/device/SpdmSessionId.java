package io.tsmtck.api.device;

/**
 * An SPDM secured session between the TSM and a DSM (DSP0274 session id, DSP0277 secured
 * messages). The IDE keys programmed over a session, and the TDIs locked over it, belong to it:
 * when the session ends, its locked TDIs go to ERROR (PCIe Base 6.x 11.4.1).
 *
 * @param value the 32-bit SPDM session id
 */
public record SpdmSessionId(long value) {

    public SpdmSessionId {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("an SPDM session id is a u32: " + value);
        }
    }

    @Override
    public String toString() {
        return String.format("session 0x%08x", value);
    }
}
