package io.tsmtck.tck.spdm;

import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.algorithm.AeadAlgorithm;
import io.tsmtck.api.spdm.algorithm.AlgorithmBit;
import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.algorithm.DheGroup;
import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.cert.ChainValidator;
import io.tsmtck.api.spdm.cert.SpdmCertificateChain;
import io.tsmtck.api.spdm.message.AlgorithmStructure;
import io.tsmtck.api.spdm.message.AlgorithmsResponse;
import io.tsmtck.api.spdm.message.CapabilitiesResponse;
import io.tsmtck.api.spdm.message.CapabilityFlag;
import io.tsmtck.api.spdm.message.CertificateResponse;
import io.tsmtck.api.spdm.message.DigestsResponse;
import io.tsmtck.api.spdm.message.GetCapabilities;
import io.tsmtck.api.spdm.message.MeasurementBlock;
import io.tsmtck.api.spdm.message.GetCertificate;
import io.tsmtck.api.spdm.message.GetDigests;
import io.tsmtck.api.spdm.message.GetVersion;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.NegotiateAlgorithms;
import io.tsmtck.api.spdm.message.VersionResponse;
import io.tsmtck.api.spdm.session.SecuredMessageOpaqueData;
import io.tsmtck.api.spdm.session.SessionError;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.WireWriter;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The kit's SPDM requester: it negotiates version, capabilities and algorithms with a device,
 * reads and validates the device's certificate chain against the user's trust anchor, and gives a
 * {@link SpdmConnection} that opens secured sessions. Every answer is decoded strictly and checked
 * against what was asked; anything wrong is a {@link SessionError} naming it.
 *
 * <p>Threading: immutable; one requester can connect many times.
 */
public final class SpdmRequester {

    private static final int SLOT = 0;

    private final RequesterConfig config;
    private final SecureRandom random;
    private final Optional<VerifiedChains> verified;
    private final Consumer<SpdmSession> sessionLog;

    public SpdmRequester(RequesterConfig config, SecureRandom random) {
        this(config, random, Optional.empty());
    }

    /**
     * A requester that skips GET_CERTIFICATE for a chain {@code verified} already holds, and keeps
     * every chain it validates there.
     */
    public SpdmRequester(RequesterConfig config, SecureRandom random, Optional<VerifiedChains> verified) {
        this(config, random, verified, session -> { });
    }

    private SpdmRequester(RequesterConfig config, SecureRandom random, Optional<VerifiedChains> verified,
                          Consumer<SpdmSession> sessionLog) {
        this.config = config;
        this.random = random;
        this.verified = verified;
        this.sessionLog = sessionLog;
    }

    /** This requester, telling {@code log} of every session its connections open (FINISH_RSP verified). */
    public SpdmRequester loggingSessions(Consumer<SpdmSession> log) {
        return new SpdmRequester(config, random, verified, log);
    }

    /**
     * Runs VCA, GET_DIGESTS and GET_CERTIFICATE on {@code mailbox} and validates the chain (no
     * GET_CERTIFICATE for a chain its {@link VerifiedChains} holds).
     */
    public SessionResult<SpdmConnection> connect(DoeMailbox mailbox) {
        PlainExchange exchange = new PlainExchange(mailbox, config.notReadyRetries(), sessionLog);
        WireWriter vca = WireWriter.littleEndian();
        GetVersion getVersion = GetVersion.request();
        return exchange.send(getVersion, VersionResponse.class, MessageSizes.none()).then(versions -> {
            vca.bytes(getVersion.encode()).bytes(versions.encode());
            Optional<SpdmVersion> common = versions.highestCommon(config.versions());
            if (common.isEmpty()) {
                return SessionResult.failed(SessionError.Kind.NEGOTIATION_FAILED, "VERSION offers "
                        + versions.entries().stream().map(e -> String.format("0x%04X", e)).toList()
                        + ", none of " + config.versions());
            }
            return capabilities(exchange, common.get(), vca);
        });
    }

    /** The GET_CAPABILITIES the kit sends in {@code version}: its flags, DataTransferSize = MaxSPDMmsgSize. */
    public GetCapabilities capabilitiesRequest(SpdmVersion version) {
        return new GetCapabilities(version.code(), 0, CapabilityFlag.of(config.flags()), config.dataTransferSize(),
                config.dataTransferSize());
    }

    /**
     * The NEGOTIATE_ALGORITHMS the kit sends in {@code version}: every algorithm it offers, the DMTF
     * measurement specification, OpaqueDataFmt1 from 1.2. Without mutual authentication there is no
     * ReqBaseAsymAlg structure (libspdm refuses an empty one).
     */
    public NegotiateAlgorithms algorithmsRequest(SpdmVersion version) {
        return new NegotiateAlgorithms(version.code(), MeasurementBlock.DMTF,
                version.code() >= 0x12 ? SecuredMessageOpaqueData.Format.OPAQUE_DATA_FMT1 : 0,
                AlgorithmBit.mask(config.asyms()), AlgorithmBit.mask(config.hashes()), List.of(), List.of(),
                List.of(AlgorithmStructure.of(AlgorithmStructure.DHE, AlgorithmBit.mask(config.dheGroups())),
                        AlgorithmStructure.of(AlgorithmStructure.AEAD, AlgorithmBit.mask(config.aeads())),
                        AlgorithmStructure.of(AlgorithmStructure.KEY_SCHEDULE, AlgorithmStructure.SPDM_KEY_SCHEDULE)),
                0);
    }

    private SessionResult<SpdmConnection> capabilities(PlainExchange exchange, SpdmVersion version, WireWriter vca) {
        GetCapabilities request = capabilitiesRequest(version);
        return exchange.send(request, CapabilitiesResponse.class, MessageSizes.none()).then(capabilities -> {
            vca.bytes(request.encode()).bytes(capabilities.encode());
            for (CapabilityFlag needed : List.of(CapabilityFlag.CERT_CAP, CapabilityFlag.KEY_EX_CAP,
                    CapabilityFlag.ENCRYPT_CAP, CapabilityFlag.MAC_CAP)) {
                if (!capabilities.has(needed)) {
                    return SessionResult.failed(SessionError.Kind.NEGOTIATION_FAILED, String.format(
                            "CAPABILITIES flags 0x%08X lack %s, which a secured session with certificates needs",
                            capabilities.flags(), needed));
                }
            }
            return algorithms(exchange, version, capabilities, vca);
        });
    }

    private SessionResult<SpdmConnection> algorithms(PlainExchange exchange, SpdmVersion version,
                                                     CapabilitiesResponse capabilities, WireWriter vca) {
        NegotiateAlgorithms request = algorithmsRequest(version);
        return exchange.send(request, AlgorithmsResponse.class, MessageSizes.none()).then(algorithms -> {
            vca.bytes(request.encode()).bytes(algorithms.encode());
            return selection(algorithms).then(suite -> certificates(exchange, new Negotiated(version, capabilities,
                    algorithms, suite, vca.toByteString(), config.flags().contains(
                    CapabilityFlag.HANDSHAKE_IN_THE_CLEAR_CAP) && capabilities.has(
                    CapabilityFlag.HANDSHAKE_IN_THE_CLEAR_CAP))));
        });
    }

    private SessionResult<AlgorithmSuite> selection(AlgorithmsResponse algorithms) {
        Optional<HashAlgorithm> hash = selected(HashAlgorithm.class, algorithms.baseHash(), config.hashes());
        Optional<AsymAlgorithm> asym = selected(AsymAlgorithm.class, algorithms.baseAsym(), config.asyms());
        Optional<DheGroup> dhe = selected(DheGroup.class, algorithms.dhe(), config.dheGroups());
        Optional<AeadAlgorithm> aead = selected(AeadAlgorithm.class, algorithms.aead(), config.aeads());
        if (hash.isEmpty() || asym.isEmpty() || dhe.isEmpty() || aead.isEmpty()
                || algorithms.keySchedule() != AlgorithmStructure.SPDM_KEY_SCHEDULE) {
            return SessionResult.failed(SessionError.Kind.NEGOTIATION_FAILED, String.format(
                    "ALGORITHMS must select exactly one offered algorithm of each kind: BaseHashSel 0x%X, "
                            + "BaseAsymSel 0x%X, DHE 0x%X, AEAD 0x%X, KeySchedule 0x%X (offered hash 0x%X, asym "
                            + "0x%X, DHE 0x%X, AEAD 0x%X, KeySchedule 0x1)", algorithms.baseHash(),
                    algorithms.baseAsym(), algorithms.dhe(), algorithms.aead(), algorithms.keySchedule(),
                    AlgorithmBit.mask(config.hashes()), AlgorithmBit.mask(config.asyms()),
                    AlgorithmBit.mask(config.dheGroups()), AlgorithmBit.mask(config.aeads())));
        }
        return SessionResult.ok(new AlgorithmSuite(hash.get(), asym.get(), dhe.get(), aead.get()));
    }

    private static <E extends Enum<E> & AlgorithmBit> Optional<E> selected(Class<E> type, long field, Set<E> offered) {
        return AlgorithmBit.selected(type, field).filter(offered::contains);
    }

    private SessionResult<SpdmConnection> certificates(PlainExchange exchange, Negotiated negotiated) {
        MessageSizes sizes = MessageSizes.of(negotiated.suite());
        int version = negotiated.version().code();
        GetDigests getDigests = new GetDigests(version);
        return exchange.send(getDigests, DigestsResponse.class, sizes).then(digests -> {
            if (version >= 0x13 && (digests.param1() & digests.slotMask()) != digests.slotMask()) {
                return SessionResult.failed(SessionError.Kind.MALFORMED, String.format("DIGESTS provisions slots "
                        + "0x%02X (Param2) that its SupportedSlotMask 0x%02X (Param1) does not have",
                        digests.slotMask(), digests.param1()));
            }
            Optional<ByteString> digest = digests.digest(SLOT);
            if (digest.isEmpty()) {
                return SessionResult.failed(SessionError.Kind.UNTRUSTED_CHAIN, String.format(
                        "DIGESTS slot mask 0x%02X has no slot %d", digests.slotMask(), SLOT));
            }
            Optional<VerifiedChains.Verified> known = verified.flatMap(chains -> chains.find(config.trustAnchor(),
                    negotiated.suite().hash(), digest.get()));
            if (known.isPresent()) {
                return connection(negotiated, known.get().chain(), known.get().leaf(), exchange)
                        .then(connection -> SessionResult.ok(connection.withSlotMask(digests.slotMask())));
            }
            return readChain(exchange, negotiated, sizes).then(chain -> validate(negotiated, chain,
                    digest.get(), exchange).then(connection -> SessionResult.ok(
                            connection.withSlotMask(digests.slotMask()))));
        });
    }

    private SessionResult<ByteString> readChain(PlainExchange exchange, Negotiated negotiated, MessageSizes sizes) {
        WireWriter chain = WireWriter.littleEndian();
        int offset = 0;
        for (int portions = 0; portions < 0x10000; portions++) {
            GetCertificate request = new GetCertificate(negotiated.version().code(), SLOT, 0, offset,
                    config.certificateChunk());
            SessionResult<CertificateResponse> answer = exchange.send(request, CertificateResponse.class, sizes);
            if (!(answer instanceof SessionResult.Ok<CertificateResponse> ok)) {
                return SessionResult.failed(answer.failure().orElseThrow());
            }
            CertificateResponse portion = ok.value();
            if (portion.slot() != SLOT || portion.portion().size() == 0
                    || portion.portion().size() > config.certificateChunk()) {
                return SessionResult.failed(SessionError.Kind.MALFORMED, String.format("CERTIFICATE at offset %d: "
                        + "slot %d, PortionLength %d for a request of slot %d, Length %d", offset, portion.slot(),
                        portion.portion().size(), SLOT, config.certificateChunk()));
            }
            chain.bytes(portion.portion());
            offset += portion.portion().size();
            if (portion.remainder() == 0) {
                return SessionResult.ok(chain.toByteString());
            }
            if (offset + portion.remainder() > 0xFFFF) {
                return SessionResult.failed(SessionError.Kind.MALFORMED, "CERTIFICATE RemainderLength "
                        + portion.remainder() + " at offset " + offset + " runs past a u16 chain length");
            }
        }
        return SessionResult.failed(SessionError.Kind.MALFORMED, "the certificate chain never ends");
    }

    private SessionResult<SpdmConnection> validate(Negotiated negotiated, ByteString bytes, ByteString digest,
                                                   PlainExchange exchange) {
        HashAlgorithm hash = negotiated.suite().hash();
        var decoded = SpdmCertificateChain.decode(bytes, hash);
        if (!decoded.isDecoded()) {
            return SessionResult.failed(SessionError.Kind.UNTRUSTED_CHAIN, "the certificate chain does not decode: "
                    + decoded.failure().orElseThrow());
        }
        SpdmCertificateChain chain = decoded.orElseThrow();
        if (!chain.digest(hash).equals(digest)) {
            return SessionResult.failed(SessionError.Kind.UNTRUSTED_CHAIN, "the chain read with GET_CERTIFICATE "
                    + "hashes to " + chain.digest(hash).hex() + ", DIGESTS says " + digest.hex());
        }
        SessionResult<X509Certificate> leaf = new ChainValidator(config.trustAnchor()).validate(chain, hash,
                config.clock().instant());
        return leaf.then(certificate -> {
            verified.ifPresent(chains -> chains.keep(config.trustAnchor(), hash, chain, certificate));
            return connection(negotiated, chain, certificate, exchange);
        });
    }

    /** The connection over a validated {@code chain}, if its leaf key is of the negotiated signature algorithm. */
    private SessionResult<SpdmConnection> connection(Negotiated negotiated, SpdmCertificateChain chain,
                                                     X509Certificate leaf, PlainExchange exchange) {
        return negotiated.suite().asym().fits(leaf.getPublicKey())
                ? SessionResult.ok(new SpdmConnection(exchange, negotiated, chain, leaf, random))
                : SessionResult.failed(SessionError.Kind.UNTRUSTED_CHAIN, "the leaf key of "
                        + leaf.getSubjectX500Principal() + " is not a " + negotiated.suite().asym() + " key");
    }

    /** What VCA settled. */
    /**
     * @param handshakeInTheClear both GET_CAPABILITIES and CAPABILITIES set HANDSHAKE_IN_THE_CLEAR_CAP:
     *     FINISH and FINISH_RSP go in the clear, FINISH_RSP carrying the ResponderVerifyData
     */
    record Negotiated(SpdmVersion version, CapabilitiesResponse capabilities, AlgorithmsResponse algorithms,
                      AlgorithmSuite suite, ByteString vca, boolean handshakeInTheClear) {
    }
}
