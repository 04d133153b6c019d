package io.tsmtck.tck.spdm;

import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.cert.SpdmCertificateChain;
import io.tsmtck.api.spdm.message.AlgorithmsResponse;
import io.tsmtck.api.spdm.message.CapabilitiesResponse;
import io.tsmtck.api.spdm.message.MeasurementBlock;
import io.tsmtck.api.spdm.message.Challenge;
import io.tsmtck.api.spdm.message.ChallengeAuth;
import io.tsmtck.api.spdm.message.DigestsResponse;
import io.tsmtck.api.spdm.message.GetDigests;
import io.tsmtck.api.spdm.message.KeyExchange;
import io.tsmtck.api.spdm.message.KeyExchangeRsp;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.session.KeyExchangeTranscript;
import io.tsmtck.api.spdm.session.SecuredMessageOpaqueData;
import io.tsmtck.api.spdm.session.SessionError;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.spdm.session.SignedMessages;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.WireWriter;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * A negotiated SPDM connection with a device whose chain validated: version, algorithms, the
 * chain and its leaf. Authenticates the device with CHALLENGE and opens secured sessions with
 * KEY_EXCHANGE.
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
    private int slotMask = 1 << SLOT;
    /** The sessions KEY_EXCHANGE opened over this connection that the kit has not seen end. */
    private final List<SpdmSession> sessions = new ArrayList<>();

    SpdmConnection(PlainExchange exchange, SpdmRequester.Negotiated negotiated, SpdmCertificateChain chain,
                   X509Certificate leaf, SecureRandom random) {
        this.exchange = exchange;
        this.negotiated = negotiated;
        this.chain = chain;
        this.leaf = leaf;
        this.random = random;
    }

    /**
     * Whether the handshake of this connection's sessions is in the clear (both sides set
     * HANDSHAKE_IN_THE_CLEAR_CAP): KEY_EXCHANGE_RSP without ResponderVerifyData, FINISH and FINISH_RSP
     * unsecured, FINISH_RSP with it.
     */
    public boolean handshakeInTheClear() {
        return negotiated.handshakeInTheClear();
    }

    /**
     * Whether a session this connection's KEY_EXCHANGE opened is still open (in its handshake or application
     * phase, as far as the kit saw) besides {@code kept} (null for none): what the connection would carry to a
     * test it were handed on to.
     */
    public boolean hasOpenSessionsBesides(SpdmSession kept) {
        synchronized (sessions) {
            sessions.removeIf(session -> !session.isOpen());
            return sessions.stream().anyMatch(session -> session != kept);
        }
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

    /** The slots DIGESTS named (Param2 SlotMask). */
    public int slotMask() {
        return slotMask;
    }

    /** The lowest slot (1 to 7) DIGESTS left empty, if any. */
    public OptionalInt emptySlot() {
        return IntStream.rangeClosed(1, 7).filter(slot -> (slotMask & 1 << slot) == 0).findFirst();
    }

    SpdmConnection withSlotMask(int mask) {
        slotMask = mask;
        return this;
    }

    /** The device's ALGORITHMS. */
    public AlgorithmsResponse algorithms() {
        return negotiated.algorithms();
    }

    /** The VCA: GET_VERSION to ALGORITHMS, the start of every transcript the device signs. */
    public ByteString vca() {
        return negotiated.vca();
    }

    /**
     * Whether measurements were negotiated: the DMTF measurement specification and one measurement
     * hash (or raw bit streams only) selected.
     */
    public boolean measurementsNegotiated() {
        return negotiated.algorithms().measurementSpecification() == MeasurementBlock.DMTF
                && Long.bitCount(negotiated.algorithms().measurementHash()) == 1;
    }

    /** The device's chain (slot 0), validated against the trust anchor. */
    public SpdmCertificateChain chain() {
        return chain;
    }

    public X509Certificate leaf() {
        return leaf;
    }

    /**
     * Sends one SPDM message in plaintext (outside any session) as it is, for requests the device
     * must drop or refuse there; the answer's bytes (DOE padding included), or empty when none came.
     */
    public SessionResult<Optional<ByteString>> exchangePlain(ByteString message) {
        return exchange.rawOrNothing(message);
    }

    /**
     * CHALLENGE on slot 0 without a measurement summary: CHALLENGE_AUTH must name the slot, carry the
     * chain's hash (and, from 1.3, echo the RequesterContext), and be signed by the leaf key over
     * message A, message B (a GET_DIGESTS the kit sends first, and its DIGESTS) and CHALLENGE with
     * CHALLENGE_AUTH up to its signature (DSP0274 M1/M2).
     */
    public SessionResult<ChallengeAuth> challenge() {
        return challenge(0);
    }

    /**
     * {@link #challenge()} asking for measurement summary hash {@code summaryType} (0 none, 1 TCB,
     * 0xFF all), which CHALLENGE_AUTH then carries.
     */
    public SessionResult<ChallengeAuth> challenge(int summaryType) {
        AlgorithmSuite suite = negotiated.suite();
        // message B is what the device kept since GET_DIGESTS began it, unless a request since skipped CHALLENGE
        // completion and reset it (DSP0274 "Transcript"; libspdm_reset_message_buffer_via_request_code): the kit
        // begins it afresh, so that it knows B whatever came before
        GetDigests getDigests = new GetDigests(version().code());
        return exchange.send(getDigests, DigestsResponse.class, MessageSizes.of(suite)).then(digests ->
                challenge(summaryType, WireWriter.littleEndian().bytes(getDigests.encode()).bytes(digests.encode())
                        .toByteString()));
    }

    private SessionResult<ChallengeAuth> challenge(int summaryType, ByteString messageB) {
        AlgorithmSuite suite = negotiated.suite();
        Challenge request = new Challenge(version().code(), SLOT, summaryType, random(32),
                version().code() >= 0x13 ? random(8) : ByteString.EMPTY);
        ByteString transcriptStart = WireWriter.littleEndian().bytes(negotiated.vca()).bytes(messageB)
                .bytes(request.encode()).toByteString();
        return exchange.send(request, ChallengeAuth.class, MessageSizes.of(suite)
                .withMeasurementSummary(summaryType != 0)).then(auth -> {
            if ((auth.param1() & 0x0F) != SLOT || (auth.slotMask() & 1 << SLOT) == 0
                    || !auth.certChainHash().equals(chain.digest(suite.hash()))
                    || !auth.context().equals(request.context())) {
                return SessionResult.failed(SessionError.Kind.UNEXPECTED_MESSAGE, String.format("CHALLENGE_AUTH "
                        + "names slot %d (mask 0x%02X), chain hash %s, context %s; expected slot %d, hash %s, "
                        + "context %s", auth.param1() & 0x0F, auth.slotMask(), auth.certChainHash().hex(),
                        auth.context().hex(), SLOT, chain.digest(suite.hash()).hex(), request.context().hex()));
            }
            byte[] transcript = WireWriter.littleEndian().bytes(transcriptStart).bytes(auth.withoutSignature())
                    .toByteString().toByteArray();
            byte[] signed = SignedMessages.toBeSigned(version(), suite.hash(), SignedMessages.CHALLENGE_AUTH,
                    transcript);
            return suite.asym().verify(suite.hash(), leaf.getPublicKey(), signed, auth.signature().toByteArray())
                    ? SessionResult.ok(auth)
                    : SessionResult.failed(SessionError.Kind.BAD_SIGNATURE, "the CHALLENGE_AUTH signature "
                            + auth.signature().hex() + " does not verify with the key of "
                            + leaf.getSubjectX500Principal());
        });
    }

    /**
     * KEY_EXCHANGE and FINISH: a secured session whose KEY_EXCHANGE_RSP signature verified with the
     * leaf key and whose ResponderVerifyData matched, in its application phase.
     */
    public SessionResult<SpdmSession> openSession() {
        return openSession(0);
    }

    /**
     * {@link #openSession()} asking KEY_EXCHANGE for measurement summary hash {@code summaryType}
     * (0 none, 1 TCB, 0xFF all); the session keeps the one KEY_EXCHANGE_RSP carried.
     */
    public SessionResult<SpdmSession> openSession(int summaryType) {
        return keyExchange(summaryType).then(SpdmSession::finish);
    }

    /**
     * KEY_EXCHANGE alone: a session whose KEY_EXCHANGE_RSP verified, in its handshake phase; the
     * caller sends FINISH ({@link SpdmSession#finish()}) or what the device must refuse there.
     */
    public SessionResult<SpdmSession> keyExchange(int summaryType) {
        int requesterHalf = nextSessionHalf;
        nextSessionHalf = nextSessionHalf == 1 ? 0xFFFF : nextSessionHalf - 1;
        return keyExchange(summaryType, requesterHalf);
    }

    /**
     * {@link #keyExchange(int)} with the ReqSessionID {@code requesterHalf} the test chooses (one it
     * used already, to see the device keep session ids apart).
     */
    public SessionResult<SpdmSession> keyExchange(int summaryType, int requesterHalf) {
        AlgorithmSuite suite = negotiated.suite();
        KeyPair ephemeral = suite.dhe().generate(random);
        KeyExchange request = keyExchangeRequest(version().code(), summaryType, requesterHalf, ephemeral);
        return exchange.send(request, KeyExchangeRsp.class, sizes().withMeasurementSummary(summaryType != 0))
                .then(response ->
                accept(request, response, ephemeral, opaqueFormat(version().code())));
    }

    /**
     * A well-formed KEY_EXCHANGE in SPDMVersion {@code version}, with an ephemeral key of its own,
     * for a test to send itself (in a version other than the negotiated one, to see it refused).
     */
    public ByteString keyExchangeIn(int version) {
        return keyExchangeIn(version, SLOT, 0);
    }

    /** {@link #keyExchangeIn(int)} naming {@code slot} and asking for summary type {@code summaryType}. */
    public ByteString keyExchangeIn(int version, int slot, int summaryType) {
        return keyExchangeRequest(version, summaryType, slot, 0x7E7E, negotiated.suite().dhe().generate(random))
                .encode();
    }

    private KeyExchange keyExchangeRequest(int version, int summaryType, int requesterHalf, KeyPair ephemeral) {
        return keyExchangeRequest(version, summaryType, SLOT, requesterHalf, ephemeral);
    }

    private KeyExchange keyExchangeRequest(int version, int summaryType, int slot, int requesterHalf,
                                           KeyPair ephemeral) {
        return new KeyExchange(version, summaryType, slot, requesterHalf, version >= 0x12 ? 1 : 0, random(32),
                ByteString.of(negotiated.suite().dhe().exchangeData(ephemeral)),
                SecuredMessageOpaqueData.supported(opaqueFormat(version), SecuredMessageOpaqueData.VERSIONS));
    }

    /** The negotiated sizes, the handshake in the clear or not. */
    MessageSizes sizes() {
        MessageSizes sizes = MessageSizes.of(negotiated.suite());
        return new MessageSizes(sizes.hashSize(), sizes.signatureSize(), sizes.exchangeDataSize(), false,
                handshakeInTheClear());
    }

    private SecuredMessageOpaqueData.Format opaqueFormat(int version) {
        return SecuredMessageOpaqueData.Format.of(version, negotiated.algorithms().otherParams());
    }

    private ByteString random(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return ByteString.of(bytes);
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
        Optional<byte[]> shared = suite.dhe().sharedSecret(ephemeral.getPrivate(),
                response.exchangeData().toByteArray());
        if (shared.isEmpty()) {
            return SessionResult.failed(SessionError.Kind.BAD_EXCHANGE_DATA, "KEY_EXCHANGE_RSP's ExchangeData "
                    + response.exchangeData().hex() + " is not a point on " + suite.dhe());
        }
        var secrets = transcript.handshake(ByteString.of(shared.get()), request, response);
        if (!handshakeInTheClear()
                && !transcript.responderVerifyData(secrets, request, response).equals(response.verifyData())) {
            return SessionResult.failed(SessionError.Kind.BAD_VERIFY_DATA, "KEY_EXCHANGE_RSP's ResponderVerifyData "
                    + response.verifyData().hex() + " is not the HMAC of TH1");
        }
        long sessionId = request.requesterSessionId() | (long) response.responderSessionId() << 16;
        SpdmSession session = SpdmSession.handshake(exchange, version(), transcript, secrets, request, response,
                sessionId, sizes());
        synchronized (sessions) {
            sessions.add(session);
        }
        return SessionResult.ok(session);
    }
}
