package io.tsmtck.tck.spdm;

import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.cert.SpdmCertificateChain;
import io.tsmtck.api.spdm.message.CapabilitiesResponse;
import io.tsmtck.api.spdm.message.KeyExchange;
import io.tsmtck.api.spdm.message.KeyExchangeRsp;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.session.KeyExchangeTranscript;
import io.tsmtck.api.spdm.session.SecuredMessageOpaqueData;
import io.tsmtck.api.spdm.session.SessionError;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.wire.ByteString;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * A negotiated SPDM connection with a device whose chain validated: version, algorithms, the
 * chain and its leaf. Opens secured sessions with KEY_EXCHANGE.
 *
 * <p>Threading: not thread-safe; one conversation per mailbox.
 */
public final class SpdmConnection {

    private static final int SLOT = 0;

    private final PlainExchange exchange;
    private final SpdmRequester.Negotiated negotiated;
    private final SpdmCertificateChain chain;
    private final X509Certificate leaf;
    private final SecureRandom random;
    private int nextSessionHalf = 0xFFFF;

    SpdmConnection(PlainExchange exchange, SpdmRequester.Negotiated negotiated, SpdmCertificateChain chain,
                   X509Certificate leaf, SecureRandom random) {
        this.exchange = exchange;
        this.negotiated = negotiated;
        this.chain = chain;
        this.leaf = leaf;
        this.random = random;
    }

    public SpdmVersion version() {
        return negotiated.version();
    }

    public AlgorithmSuite suite() {
        return negotiated.suite();
    }

    public CapabilitiesResponse capabilities() {
        return negotiated.capabilities();
    }

    /** The device's chain (slot 0), validated against the trust anchor. */
    public SpdmCertificateChain chain() {
        return chain;
    }

    public X509Certificate leaf() {
        return leaf;
    }

    /**
     * KEY_EXCHANGE and FINISH: a secured session whose KEY_EXCHANGE_RSP signature verified with the
     * leaf key and whose ResponderVerifyData matched, in its application phase.
     */
    public SessionResult<SpdmSession> openSession() {
        AlgorithmSuite suite = negotiated.suite();
        KeyPair ephemeral = suite.dhe().generate(random);
        byte[] randomData = new byte[32];
        random.nextBytes(randomData);
        SecuredMessageOpaqueData.Format format = SecuredMessageOpaqueData.Format.of(version().code(),
                negotiated.algorithms().otherParams());
        int requesterHalf = nextSessionHalf;
        nextSessionHalf = nextSessionHalf == 1 ? 0xFFFF : nextSessionHalf - 1;
        KeyExchange request = new KeyExchange(version().code(), 0, SLOT, requesterHalf,
                version().code() >= 0x12 ? 1 : 0, ByteString.of(randomData),
                ByteString.of(suite.dhe().exchangeData(ephemeral)),
                SecuredMessageOpaqueData.supported(format, SecuredMessageOpaqueData.VERSIONS));
        return exchange.send(request, KeyExchangeRsp.class, MessageSizes.of(suite)).then(response ->
                accept(request, response, ephemeral, format));
    }

    private SessionResult<SpdmSession> accept(KeyExchange request, KeyExchangeRsp response, KeyPair ephemeral,
                                              SecuredMessageOpaqueData.Format format) {
        AlgorithmSuite suite = negotiated.suite();
        KeyExchangeTranscript transcript = new KeyExchangeTranscript(version(), suite, negotiated.vca(),
                chain.digest(suite.hash()));
        if (!suite.asym().verify(suite.hash(), leaf.getPublicKey(), transcript.toBeSigned(request, response),
                response.signature().toByteArray())) {
            return SessionResult.failed(SessionError.Kind.BAD_SIGNATURE, "the KEY_EXCHANGE_RSP signature "
                    + response.signature().hex() + " does not verify with the key of "
                    + leaf.getSubjectX500Principal());
        }
        Optional<Integer> selected = SecuredMessageOpaqueData.readSelection(format, response.opaque()).asOptional();
        if (selected.isEmpty() || !SecuredMessageOpaqueData.VERSIONS.contains(selected.get())) {
            return SessionResult.failed(SessionError.Kind.NEGOTIATION_FAILED, "KEY_EXCHANGE_RSP's opaque data "
                    + response.opaque().hex() + " selects no secured-message version of "
                    + SecuredMessageOpaqueData.VERSIONS);
        }
        if (response.mutAuthRequested() != 0) {
            return SessionResult.failed(SessionError.Kind.NEGOTIATION_FAILED, String.format(
                    "KEY_EXCHANGE_RSP requests mutual authentication (0x%02X), which the kit did not offer",
                    response.mutAuthRequested()));
        }
        Optional<byte[]> shared = suite.dhe().sharedSecret(ephemeral.getPrivate(), response.exchangeData().toByteArray());
        if (shared.isEmpty()) {
            return SessionResult.failed(SessionError.Kind.BAD_EXCHANGE_DATA, "KEY_EXCHANGE_RSP's ExchangeData "
                    + response.exchangeData().hex() + " is not a point on " + suite.dhe());
        }
        var secrets = transcript.handshake(ByteString.of(shared.get()), request, response);
        if (!transcript.responderVerifyData(secrets, request, response).equals(response.verifyData())) {
            return SessionResult.failed(SessionError.Kind.BAD_VERIFY_DATA, "KEY_EXCHANGE_RSP's ResponderVerifyData "
                    + response.verifyData().hex() + " is not the HMAC of TH1");
        }
        long sessionId = request.requesterSessionId() | (long) response.responderSessionId() << 16;
        return SpdmSession.finish(exchange, version(), transcript, secrets, request, response, sessionId);
    }
}
