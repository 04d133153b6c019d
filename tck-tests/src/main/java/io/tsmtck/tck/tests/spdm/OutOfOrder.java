package io.tsmtck.tck.tests.spdm;

import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.message.CapabilityFlag;
import io.tsmtck.api.spdm.message.GetCapabilities;
import io.tsmtck.api.spdm.message.GetCertificate;
import io.tsmtck.api.spdm.message.GetDigests;
import io.tsmtck.api.spdm.message.NegotiateAlgorithms;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.spdm.SpdmRequester;
import java.util.List;

/**
 * A negotiation request where the connection's state does not allow it (DSP0274: GET_VERSION,
 * GET_CAPABILITIES, NEGOTIATE_ALGORITHMS once each and in that order, then the rest), the requests
 * that lead there, and the request the connection must still serve after the refusal.
 */
enum OutOfOrder {
    /** A second, different GET_CAPABILITIES after CAPABILITIES (validator case 2.6). */
    CAPABILITIES_AGAIN(1, RequestResponseCode.ALGORITHMS) {
        @Override
        ByteString request(SpdmRequester requester, SpdmVersion version) {
            GetCapabilities first = requester.capabilitiesRequest(version);
            return new GetCapabilities(first.version(), first.ctExponent() + 1,
                    first.flags() & ~CapabilityFlag.HBEAT_CAP.mask(), first.dataTransferSize(),
                    first.maxMessageSize()).encode();
        }
    },
    /** A second, different NEGOTIATE_ALGORITHMS after ALGORITHMS (validator case 3.7). */
    ALGORITHMS_AGAIN(2, RequestResponseCode.CERTIFICATE) {
        @Override
        ByteString request(SpdmRequester requester, SpdmVersion version) {
            NegotiateAlgorithms first = requester.algorithmsRequest(version);
            return new NegotiateAlgorithms(first.version(), 0, first.otherParams(), first.baseAsym(),
                    first.baseHash(), first.extAsym(), first.extHash(), first.structures(), first.melSpecification())
                    .encode();
        }
    },
    /** NEGOTIATE_ALGORITHMS before GET_CAPABILITIES. */
    ALGORITHMS_BEFORE_CAPABILITIES(0, RequestResponseCode.CAPABILITIES) {
        @Override
        ByteString request(SpdmRequester requester, SpdmVersion version) {
            return requester.algorithmsRequest(version).encode();
        }
    },
    /** GET_DIGESTS before NEGOTIATE_ALGORITHMS. */
    DIGESTS_BEFORE_ALGORITHMS(1, RequestResponseCode.ALGORITHMS) {
        @Override
        ByteString request(SpdmRequester requester, SpdmVersion version) {
            return new GetDigests(version.code()).encode();
        }
    };

    private final int negotiatedSteps;
    private final RequestResponseCode next;

    OutOfOrder(int negotiatedSteps, RequestResponseCode next) {
        this.negotiatedSteps = negotiatedSteps;
        this.next = next;
    }

    /** The kit's GET_CAPABILITIES and NEGOTIATE_ALGORITHMS that come first, as many as the case needs. */
    List<ByteString> before(SpdmRequester requester, SpdmVersion version) {
        return List.of(requester.capabilitiesRequest(version).encode(), requester.algorithmsRequest(version).encode())
                .subList(0, negotiatedSteps);
    }

    /** The request out of order. */
    abstract ByteString request(SpdmRequester requester, SpdmVersion version);

    /** The response the connection must still give, to {@link #nextRequest}. */
    RequestResponseCode next() {
        return next;
    }

    /** The request that belongs where the connection is. */
    ByteString nextRequest(SpdmRequester requester, SpdmVersion version) {
        return switch (next) {
            case CAPABILITIES -> requester.capabilitiesRequest(version).encode();
            case ALGORITHMS -> requester.algorithmsRequest(version).encode();
            default -> new GetCertificate(version.code(), 0, 0, 0, 0x100).encode();
        };
    }
}
