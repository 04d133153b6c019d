package io.tsmtck.api.spdm.session;

import java.util.Objects;

/**
 * Why a session could not be set up or why it ended: a typed kind and a sentence that names what
 * was wrong (the field, the expected and the actual value).
 *
 * @param kind what went wrong
 * @param detail what was found, and where
 */
public record SessionError(Kind kind, String detail) {

    /** Kinds of session failures. */
    public enum Kind {
        /** A message or record whose bytes do not decode. */
        MALFORMED,
        /** A message the protocol does not allow at this point, or from this side. */
        UNEXPECTED_MESSAGE,
        /** The peer answered with SPDM ERROR. */
        PEER_ERROR,
        /** No version, algorithm or capability both sides support, or a selection the requester did not offer. */
        NEGOTIATION_FAILED,
        /** A certificate chain that is malformed, expired, or does not end at the trust anchor. */
        UNTRUSTED_CHAIN,
        /** A signature that does not verify with the leaf certificate's key. */
        BAD_SIGNATURE,
        /** A ResponderVerifyData or RequesterVerifyData HMAC that does not match. */
        BAD_VERIFY_DATA,
        /** DHE exchange data that is not a point on the negotiated curve. */
        BAD_EXCHANGE_DATA,
        /** A record whose AEAD tag does not verify (tampered, truncated, replayed, reordered). */
        AUTHENTICATION_FAILED,
        /** A record for a session id that is not open. */
        UNKNOWN_SESSION,
        /** A record after the session ended. */
        SESSION_ENDED,
        /** The 64-bit sequence number would wrap. */
        SEQUENCE_EXHAUSTED,
        /** The transport failed: no answer in time, the peer closed, framing broken. */
        TRANSPORT
    }

    public SessionError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return kind + ": " + detail;
    }
}
