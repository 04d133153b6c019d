package io.tsmtck.emu.spdm;

import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.wire.ByteString;
import java.util.Optional;

/**
 * What the SPDM responder hands to the device above it: VENDOR_DEFINED requests (TDISP, IDE_KM)
 * with the session they arrived in, and the start and end of each session (a session's end sends
 * the TDIs locked over it to ERROR).
 */
public interface SessionApplication {

    /**
     * Answers a VENDOR_DEFINED_REQUEST.
     *
     * @param session the authenticated session it arrived in, empty for plaintext
     * @return the VENDOR_DEFINED_RESPONSE, or empty to send nothing (TDISP outside a session)
     */
    Optional<ByteString> vendorDefined(Optional<SpdmSessionId> session, ByteString request);

    /** A session finished its handshake. */
    void sessionEstablished(SpdmSessionId session);

    /** A session ended: END_SESSION, a record that failed, or a new GET_VERSION. */
    void sessionEnded(SpdmSessionId session);
}
