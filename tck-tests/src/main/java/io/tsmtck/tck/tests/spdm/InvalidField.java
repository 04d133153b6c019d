package io.tsmtck.tck.tests.spdm;

import io.tsmtck.api.spdm.message.Challenge;
import io.tsmtck.api.spdm.message.GetCertificate;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.spdm.SpdmConnection;

/**
 * A request on a negotiated connection with one field a responder must refuse with InvalidRequest
 * (DSP0274: a slot without a certificate chain, an offset past the chain, a measurement summary
 * type that is neither 0, 1 nor 0xFF), and the same request with the field right, which it must
 * still serve afterwards.
 */
enum InvalidField {
    CERTIFICATE_OF_AN_EMPTY_SLOT(RequestResponseCode.CERTIFICATE) {
        @Override
        ByteString wrong(SpdmConnection connection, int emptySlot) {
            return new GetCertificate(connection.version().code(), emptySlot, 0, 0, 0x100).encode();
        }
    },
    CERTIFICATE_PAST_THE_CHAIN(RequestResponseCode.CERTIFICATE) {
        @Override
        ByteString wrong(SpdmConnection connection, int emptySlot) {
            return new GetCertificate(connection.version().code(), 0, 0,
                    Math.min(connection.chain().encode().size(), 0xFFFF), 0x100).encode();
        }
    },
    CHALLENGE_OF_AN_EMPTY_SLOT(RequestResponseCode.CHALLENGE_AUTH) {
        @Override
        ByteString wrong(SpdmConnection connection, int emptySlot) {
            return challenge(connection, emptySlot, 0);
        }
    },
    CHALLENGE_WITH_SUMMARY_TYPE_2(RequestResponseCode.CHALLENGE_AUTH) {
        @Override
        ByteString wrong(SpdmConnection connection, int emptySlot) {
            return challenge(connection, 0, 2);
        }
    },
    CHALLENGE_WITH_SUMMARY_TYPE_0XFE(RequestResponseCode.CHALLENGE_AUTH) {
        @Override
        ByteString wrong(SpdmConnection connection, int emptySlot) {
            return challenge(connection, 0, 0xFE);
        }
    },
    KEY_EXCHANGE_OF_AN_EMPTY_SLOT(RequestResponseCode.KEY_EXCHANGE_RSP) {
        @Override
        ByteString wrong(SpdmConnection connection, int emptySlot) {
            return connection.keyExchangeIn(connection.version().code(), emptySlot, 0);
        }
    },
    KEY_EXCHANGE_WITH_SUMMARY_TYPE_2(RequestResponseCode.KEY_EXCHANGE_RSP) {
        @Override
        ByteString wrong(SpdmConnection connection, int emptySlot) {
            return connection.keyExchangeIn(connection.version().code(), 0, 2);
        }
    };

    private final RequestResponseCode answer;

    InvalidField(RequestResponseCode answer) {
        this.answer = answer;
    }

    /** The request with the wrong field; {@code emptySlot} is a slot DIGESTS left empty. */
    abstract ByteString wrong(SpdmConnection connection, int emptySlot);

    /** The same request with every field right. */
    ByteString right(SpdmConnection connection) {
        return switch (answer) {
            case CERTIFICATE -> new GetCertificate(connection.version().code(), 0, 0, 0, 0x100).encode();
            case CHALLENGE_AUTH -> challenge(connection, 0, 0);
            default -> connection.keyExchangeIn(connection.version().code(), 0, 0);
        };
    }

    /** The response that serves {@link #right}. */
    RequestResponseCode answer() {
        return answer;
    }

    private static ByteString challenge(SpdmConnection connection, int slot, int summaryType) {
        int version = connection.version().code();
        return new Challenge(version, slot, summaryType, ByteString.ofHex("3c".repeat(32)),
                version >= 0x13 ? ByteString.ofHex("fedcba9876543210") : ByteString.EMPTY).encode();
    }
}
