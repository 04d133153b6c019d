package io.tsmtck.emu.device;

import io.tsmtck.api.device.SpdmChannel;
import io.tsmtck.api.wire.ByteString;
import java.util.Optional;

/**
 * The reference device's SPDM responder seen from its host stack, bytes in and bytes out: the
 * emulated TSMs lock, start and stop TDIs through it ({@code LinkChannel}). Not an SPI: the kit
 * reaches a device through {@code DeviceUnderTest}'s DOE mailbox in sessions of its own, and a
 * host stack's TSM is the vendor's.
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
