package io.tsmtck.tck.tests.spdm;

import io.tsmtck.api.spdm.message.Challenge;
import io.tsmtck.api.spdm.message.GetCertificate;
import io.tsmtck.api.spdm.message.GetDigests;
import io.tsmtck.api.spdm.message.GetMeasurements;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.spdm.SpdmConnection;

/**
 * A request a negotiated connection serves in plaintext, well formed in whatever version it is built
 * in (the layout of the version it names), so that only its version can be wrong.
 */
enum PlainRequest {
    GET_DIGESTS(RequestResponseCode.DIGESTS) {
        @Override
        ByteString in(int version, SpdmConnection connection) {
            return new GetDigests(version).encode();
        }
    },
    GET_CERTIFICATE(RequestResponseCode.CERTIFICATE) {
        @Override
        ByteString in(int version, SpdmConnection connection) {
            return new GetCertificate(version, 0, 0, 0, 0x100).encode();
        }
    },
    CHALLENGE(RequestResponseCode.CHALLENGE_AUTH) {
        @Override
        ByteString in(int version, SpdmConnection connection) {
            return new Challenge(version, 0, 0, ByteString.ofHex("c4".repeat(32)),
                    version >= 0x13 ? ByteString.ofHex("0123456789abcdef") : ByteString.EMPTY).encode();
        }
    },
    GET_MEASUREMENTS(RequestResponseCode.MEASUREMENTS) {
        @Override
        ByteString in(int version, SpdmConnection connection) {
            return GetMeasurements.unsigned(version, GetMeasurements.NUMBER_OF_MEASUREMENTS,
                    version >= 0x13 ? ByteString.ofHex("1011121314151617") : ByteString.EMPTY).encode();
        }

        @Override
        boolean needsMeasurements() {
            return true;
        }
    },
    KEY_EXCHANGE(RequestResponseCode.KEY_EXCHANGE_RSP) {
        @Override
        ByteString in(int version, SpdmConnection connection) {
            return connection.keyExchangeIn(version);
        }
    };

    private final RequestResponseCode answer;

    PlainRequest(RequestResponseCode answer) {
        this.answer = answer;
    }

    /** The request in SPDMVersion {@code version} on {@code connection}. */
    abstract ByteString in(int version, SpdmConnection connection);

    /** Whether only a device with measurements serves it. */
    boolean needsMeasurements() {
        return false;
    }

    /** The response code that serves it. */
    RequestResponseCode answer() {
        return answer;
    }
}
