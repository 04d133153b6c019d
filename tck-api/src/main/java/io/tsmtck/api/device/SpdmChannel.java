package io.tsmtck.api.device;

import java.util.Objects;

/**
 * How a message reaches the DSM's SPDM responder: inside a secured session, or in plaintext.
 * TDISP and IDE_KM messages in plaintext must be dropped without a response (PCIe Base 6.x
 * 11.2.2); the kit sends them that way only to check that they are.
 */
public sealed interface SpdmChannel {

    /** Inside the secured session {@code session}. */
    record Secured(SpdmSessionId session) implements SpdmChannel {
        public Secured {
            Objects.requireNonNull(session, "session");
        }
    }

    /** Outside any session (DOE type 1). */
    record Plaintext() implements SpdmChannel {
    }

    static SpdmChannel secured(SpdmSessionId session) {
        return new Secured(session);
    }

    static SpdmChannel plaintext() {
        return new Plaintext();
    }
}
