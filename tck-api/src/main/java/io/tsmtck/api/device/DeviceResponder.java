package io.tsmtck.api.device;

import io.tsmtck.api.wire.ByteString;
import java.util.Optional;

/**
 * The SPDM responder of one DSM, bytes in and bytes out: the device's side of the stack. The TSM
 * uses it to lock, start and stop TDIs; the kit uses it as its oracle, reading each TDI's state
 * with GET_DEVICE_INTERFACE_STATE over the TSM's session instead of taking the host's word.
 *
 * <p>An implementation on real hardware forwards the bytes over the DOE mailbox (or an SPDM
 * socket to spdm-emu); an emulation answers them itself.
 *
 * <p>Lifecycle: lives as long as its stack. Threading: safe for use from any thread; exchanges are
 * serialised per DSM, as a DOE mailbox serialises them.
 */
public interface DeviceResponder {

    /**
     * Sends one SPDM message and returns the response.
     *
     * @param channel the secured session to use, or plaintext
     * @param spdmMessage an SPDM message (for TDISP and IDE_KM a
     *     {@link io.tsmtck.api.spdm.VendorDefinedMessage})
     * @return the SPDM response, or empty when the responder drops the message (TDISP outside a
     *     session, 11.2.2; an unknown session; IDE_KM K_SET_GO/K_SET_STOP that failed)
     */
    Optional<ByteString> exchange(SpdmChannel channel, ByteString spdmMessage);
}
