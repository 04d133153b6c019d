package io.tsmtck.emu.spdm;

import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.cert.SpdmCertificateChain;
import io.tsmtck.api.spdm.message.AlgorithmStructure;
import io.tsmtck.api.spdm.message.CapabilitiesResponse;
import io.tsmtck.api.spdm.message.CapabilityFlag;
import io.tsmtck.api.spdm.message.Challenge;
import io.tsmtck.api.spdm.message.ChallengeAuth;
import io.tsmtck.api.spdm.message.CertificateResponse;
import io.tsmtck.api.spdm.message.DigestsResponse;
import io.tsmtck.api.spdm.message.ErrorResponse;
import io.tsmtck.api.spdm.message.Finish;
import io.tsmtck.api.spdm.message.GetCapabilities;
import io.tsmtck.api.spdm.message.GetCertificate;
import io.tsmtck.api.spdm.message.GetMeasurements;
import io.tsmtck.api.spdm.message.KeyExchange;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.NegotiateAlgorithms;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.spdm.message.RespondIfReady;
import io.tsmtck.api.spdm.message.SpdmCodec;
import io.tsmtck.api.spdm.message.SpdmErrorCode;
import io.tsmtck.api.spdm.message.SpdmMessage;
import io.tsmtck.api.spdm.message.VersionResponse;
import io.tsmtck.api.spdm.session.SecuredMessage;
import io.tsmtck.api.spdm.session.SignedMessages;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.api.wire.WireWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reference device's SPDM responder behind its DOE mailbox: version, capabilities and
 * algorithm negotiation, certificates, CHALLENGE, KEY_EXCHANGE, and the secured sessions that follow
 * (FINISH, HEARTBEAT, KEY_UPDATE, END_SESSION, VENDOR_DEFINED handed to the device). A malformed
 * or out-of-order request gets SPDM ERROR and changes nothing.
 *
 * <p>Threading: {@code synchronized}: one mailbox, one conversation at a time.
 */
public final class SpdmResponder {

    private enum Stage { START, VERSION, CAPABILITIES, NEGOTIATED }

    private static final int SLOT = 0;

    private final ResponderConfig config;
    private final Map<AsymAlgorithm, DeviceIdentity> identities = new EnumMap<>(AsymAlgorithm.class);
    private final SessionApplication application;
    private final SecureRandom random;
    private final Map<Long, ResponderSession> sessions = new LinkedHashMap<>();
    private Stage stage = Stage.START;
    private int version = 0x10;
    private long requesterFlags;
    private AlgorithmSuite suite;
    private int otherParams;
    private boolean measurementsNegotiated;
    private Optional<MeasurementResponder> measurements = Optional.empty();
    private WireWriter vca = WireWriter.littleEndian();
    /** Message B of CHALLENGE's M1/M2: GET_DIGESTS, GET_CERTIFICATE and their answers since it began. */
    private WireWriter messageB = WireWriter.littleEndian();
    /** Whether a CHALLENGE succeeded on this connection (libspdm: connection state AUTHENTICATED). */
    private boolean authenticated;
    private int nextSessionHalf = 0xFFFF;
    /** The session the last KEY_EXCHANGE made: a FINISH in the clear is for it. */
    private long latestSession = -1;
    private final Set<RequestResponseCode> deferred = EnumSet.noneOf(RequestResponseCode.class);
    private Optional<Pending> pending = Optional.empty();

    public SpdmResponder(ResponderConfig config, List<DeviceIdentity> identities, SessionApplication application,
                         SecureRandom random) {
        this.config = config;
        identities.forEach(identity -> this.identities.put(identity.algorithm(), identity));
        this.application = application;
        this.random = random;
    }

    /** Answers one DOE data object; empty when the device sends nothing back. */
    public synchronized Optional<DoeObject> handle(DoeObject request) {
        if (request.vendorId() != DoeObject.VENDOR_PCI_SIG) {
            return Optional.empty();
        }
        endSilentSessions(System.nanoTime());
        return switch (request.type()) {
            case DoeObject.TYPE_DISCOVERY -> DoeDiscovery.answer(request.data());
            case DoeObject.TYPE_SPDM -> plaintext(request.data()).map(m -> DoeObject.wrap(DoeObject.TYPE_SPDM, m));
            case DoeObject.TYPE_SECURED_SPDM -> secured(request.data());
            default -> Optional.empty();
        };
    }

    private Optional<ByteString> plaintext(ByteString bytes) {
        Optional<ByteString> answer = answer(bytes);
        if (answer.isEmpty() || pending.isPresent() || bytes.size() < 2) {
            return answer;
        }
        Optional<RequestResponseCode> code = RequestResponseCode.fromCode(bytes.get(1))
                .filter(config.notReady()::contains).filter(c -> !deferred.contains(c));
        if (code.isEmpty() || answer.get().get(1) == RequestResponseCode.ERROR.code()) {
            return answer;
        }
        deferred.add(code.get());
        int token = deferred.size();
        pending = Optional.of(new Pending(code.get().code(), token, answer.get()));
        return Optional.of(ErrorResponse.responseNotReady(version, 0, code.get().code(), token, 1).encode());
    }

    /** The response of a request answered ResponseNotReady, until RESPOND_IF_READY collects it. */
    private record Pending(int requestCode, int token, ByteString response) {
    }

    private Optional<ByteString> respondIfReady(RespondIfReady request) {
        Optional<Pending> ready = pending.filter(p -> p.requestCode() == request.requestCode()
                && p.token() == request.token());
        if (ready.isEmpty()) {
            return Optional.of(error(SpdmErrorCode.UNEXPECTED_REQUEST, 0));
        }
        pending = Optional.empty();
        return Optional.of(ready.get().response());
    }

    private Optional<ByteString> answer(ByteString bytes) {
        Optional<ByteString> mismatch = versionMismatch(bytes);
        if (mismatch.isPresent()) {
            return mismatch;
        }
        if (bytes.size() >= 2 && bytes.get(1) != RequestResponseCode.GET_MEASUREMENTS.code()) {
            measurements.ifPresent(MeasurementResponder::otherRequest);
        }
        DecodeResult<SpdmMessage> decoded = SpdmCodec.decode(bytes, sizes(), ReservedPolicy.IGNORE, 3);
        if (decoded instanceof DecodeResult.Malformed<SpdmMessage> malformed) {
            if (config.faults().inject(Fault.SPDM_ALGORITHMS_READ_BY_OFFSET,
                    bytes.size() >= 16 && bytes.get(1) == RequestResponseCode.NEGOTIATE_ALGORITHMS.code())) {
                return Optional.of(algorithms(byOffset(bytes)));
            }
            return Optional.of(malformed(bytes, malformed.error()));
        }
        SpdmMessage request = decoded.orElseThrow();
        if (!request.code().isRequest()) {
            return Optional.of(error(SpdmErrorCode.UNSUPPORTED_REQUEST, request.code().code()));
        }
        return switch (request.code()) {
            case GET_VERSION -> Optional.of(version(request));
            case GET_CAPABILITIES -> Optional.of(capabilities((GetCapabilities) request));
            case NEGOTIATE_ALGORITHMS -> Optional.of(algorithms((NegotiateAlgorithms) request));
            case GET_DIGESTS -> Optional.of(digests(request));
            case GET_CERTIFICATE -> Optional.of(certificate((GetCertificate) request));
            case CHALLENGE -> Optional.of(challenge((Challenge) request));
            case GET_MEASUREMENTS -> Optional.of(measurementsInTheClear((GetMeasurements) request));
            case KEY_EXCHANGE -> Optional.of(keyExchange((KeyExchange) request));
            case VENDOR_DEFINED_REQUEST ->
                    config.faults().check(Fault.SPDM_VENDOR_BEFORE_NEGOTIATION, stage != Stage.NEGOTIATED)
                    ? Optional.of(error(SpdmErrorCode.UNEXPECTED_REQUEST, 0))
                    : application.vendorDefined(Optional.empty(), request.encode());
            case RESPOND_IF_READY -> respondIfReady((RespondIfReady) request);
            case FINISH -> Optional.of(handshakeInTheClear() ? finishInTheClear((Finish) request)
                    : sessionRequestInTheClear(request));
            case HEARTBEAT, KEY_UPDATE, END_SESSION -> Optional.of(sessionRequestInTheClear(request));
            default -> Optional.of(error(SpdmErrorCode.UNSUPPORTED_REQUEST, request.code().code()));
        };
    }

    /**
     * Whether both CAPABILITIES and the requester's GET_CAPABILITIES have HANDSHAKE_IN_THE_CLEAR_CAP:
     * FINISH then comes in the clear for the session the last KEY_EXCHANGE made.
     */
    private boolean handshakeInTheClear() {
        return stage == Stage.NEGOTIATED && config.flags().contains(CapabilityFlag.HANDSHAKE_IN_THE_CLEAR_CAP)
                && CapabilityFlag.HANDSHAKE_IN_THE_CLEAR_CAP.in(requesterFlags);
    }

    /**
     * FINISH in the clear, for the session of the last KEY_EXCHANGE (libspdm's latest_session_id):
     * UnexpectedRequest without one in its handshake phase.
     */
    private ByteString finishInTheClear(Finish finish) {
        if (config.faults().inject(Fault.SPDM_CLEAR_FINISH_REFUSED)) {
            return error(SpdmErrorCode.SESSION_REQUIRED, 0);
        }
        ResponderSession session = sessions.get(latestSession);
        if (session == null || session.isEstablished()) {
            return error(SpdmErrorCode.UNEXPECTED_REQUEST, 0);
        }
        ResponderSession.Outcome outcome = session.finish(finish, application);
        if (outcome.ended()) {
            sessions.remove(latestSession);
        } else {
            challengeSkipped();
        }
        return outcome.answer().orElseThrow().data();
    }

    /** GET_MEASUREMENTS outside a session; a MEASUREMENTS answer skips CHALLENGE completion. */
    private ByteString measurementsInTheClear(GetMeasurements request) {
        if (measurements.isEmpty()) {
            boolean measures = MeasurementResponder.measuresAtAll(config);
            return error(measures ? SpdmErrorCode.UNEXPECTED_REQUEST : SpdmErrorCode.UNSUPPORTED_REQUEST,
                    measures ? 0 : request.code().code());
        }
        ByteString answer = measurements.get().answer(request);
        if (answer.get(1) == RequestResponseCode.MEASUREMENTS.code()) {
            challengeSkipped();
        }
        return answer;
    }

    /**
     * A session request outside a session: SessionRequired from 1.2 (DSP0274; libspdm does the same),
     * UnexpectedRequest before; nothing else happens.
     */
    private ByteString sessionRequestInTheClear(SpdmMessage request) {
        boolean required = config.faults().check(Fault.SPDM_SESSION_REQUEST_IN_CLEAR_UNEXPECTED,
                stage == Stage.NEGOTIATED && version >= 0x12);
        if (config.faults().inject(Fault.SPDM_END_SESSION_IN_CLEAR_ENDS_SESSIONS,
                request.code() == RequestResponseCode.END_SESSION)) {
            endSessions();
        }
        return error(required ? SpdmErrorCode.SESSION_REQUIRED : SpdmErrorCode.UNEXPECTED_REQUEST, 0);
    }

    /**
     * VersionMismatch for a request in another version than the connection's, read from the header
     * before the body (whose layout depends on the version): after CAPABILITIES any request but
     * GET_VERSION in another version than the negotiated one; before it, a GET_CAPABILITIES in a
     * version VERSION did not offer (answered in 1.0, the only version agreed so far).
     */
    private Optional<ByteString> versionMismatch(ByteString bytes) {
        if (bytes.size() < 2 || bytes.get(1) == RequestResponseCode.GET_VERSION.code()
                || (bytes.get(1) & 0x80) == 0) {
            return Optional.empty();
        }
        if (stage.compareTo(Stage.CAPABILITIES) >= 0
                && config.faults().check(Fault.SPDM_VERSION_NOT_CHECKED, bytes.get(0) != version)) {
            return Optional.of(error(SpdmErrorCode.VERSION_MISMATCH, 0));
        }
        if (stage == Stage.VERSION && bytes.get(1) == RequestResponseCode.GET_CAPABILITIES.code()
                && config.faults().check(Fault.SPDM_UNOFFERED_VERSION_ACCEPTED,
                        SpdmVersion.fromCode(bytes.get(0)).filter(config.versions()::contains).isEmpty())) {
            return Optional.of(ErrorResponse.of(0x10, SpdmErrorCode.VERSION_MISMATCH, 0).encode());
        }
        return Optional.empty();
    }

    /** NEGOTIATE_ALGORITHMS from its fixed fields, all else offered ({@link Fault#SPDM_ALGORITHMS_READ_BY_OFFSET}). */
    private static NegotiateAlgorithms byOffset(ByteString bytes) {
        long asym = bytes.get(8) | bytes.get(9) << 8 | bytes.get(10) << 16 | (long) bytes.get(11) << 24;
        long hash = bytes.get(12) | bytes.get(13) << 8 | bytes.get(14) << 16 | (long) bytes.get(15) << 24;
        return new NegotiateAlgorithms(bytes.get(0), bytes.get(6), bytes.get(7), asym, hash, List.of(), List.of(),
                List.of(AlgorithmStructure.of(AlgorithmStructure.DHE, 0xFF),
                        AlgorithmStructure.of(AlgorithmStructure.AEAD, 0xFF),
                        AlgorithmStructure.of(AlgorithmStructure.KEY_SCHEDULE, AlgorithmStructure.SPDM_KEY_SCHEDULE)),
                0);
    }

    private ByteString malformed(ByteString bytes, DecodeError error) {
        if (error.reason() == DecodeError.Reason.UNKNOWN_CODE && error.offset() == 1) {
            return error(SpdmErrorCode.UNSUPPORTED_REQUEST, bytes.size() > 1 ? bytes.get(1) : 0);
        }
        return error(SpdmErrorCode.INVALID_REQUEST, 0);
    }

    private ByteString version(SpdmMessage request) {
        if (request.version() != 0x10) {
            return ErrorResponse.of(0x10, SpdmErrorCode.VERSION_MISMATCH, 0).encode();
        }
        reset();
        ByteString response = VersionResponse.offering(config.versions()).encode();
        vca.bytes(request.encode()).bytes(response);
        stage = Stage.VERSION;
        return response;
    }

    private ByteString capabilities(GetCapabilities request) {
        if (config.faults().check(Fault.SPDM_NEGOTIATION_REPEATED, stage != Stage.VERSION) || stage == Stage.START) {
            return refused(error(SpdmErrorCode.UNEXPECTED_REQUEST, 0));
        }
        boolean flags = config.faults().value(Fault.SPDM_CAPABILITY_FLAGS_NOT_CHECKED,
                RequesterCapabilities.flagsAcceptable(request.flags(), request.version()), true);
        boolean sizes = config.faults().value(Fault.SPDM_TRANSFER_SIZE_NOT_CHECKED,
                RequesterCapabilities.sizesAcceptable(request), true);
        if (!flags || !sizes) {
            return refused(ErrorResponse.of(request.version(), SpdmErrorCode.INVALID_REQUEST, 0).encode());
        }

        version = request.version();
        requesterFlags = request.flags();
        ByteString response = new CapabilitiesResponse(version, 0, config.flagBits(), config.dataTransferSize(),
                config.dataTransferSize()).encode();
        vca.bytes(request.encode()).bytes(response);
        stage = Stage.CAPABILITIES;
        return response;
    }

    private ByteString algorithms(NegotiateAlgorithms request) {
        if (config.faults().check(Fault.SPDM_NEGOTIATION_REPEATED, stage != Stage.CAPABILITIES)
                || stage.compareTo(Stage.CAPABILITIES) < 0) {
            return refused(error(SpdmErrorCode.UNEXPECTED_REQUEST, 0));
        }
        Optional<AlgorithmSuite> selected = Negotiation.select(config, identities.keySet(), request);
        if (selected.isEmpty()) {
            return refused(error(SpdmErrorCode.INVALID_REQUEST, 0));
        }
        suite = selected.get();
        measurementsNegotiated = MeasurementResponder.negotiated(config, request.measurementSpecification());
        var response = Negotiation.response(version, request, suite, measurementsNegotiated);
        otherParams = response.otherParams();
        vca.bytes(request.encode()).bytes(response.encode());
        stage = Stage.NEGOTIATED;
        measurements = Optional.of(new MeasurementResponder(context()));
        return response.encode();
    }

    /**
     * A refused negotiation request: the ERROR, the connection's state unchanged (with
     * SPDM_REFUSAL_RESETS_NEGOTIATION thrown back to before GET_VERSION).
     */
    private ByteString refused(ByteString error) {
        if (config.faults().inject(Fault.SPDM_REFUSAL_RESETS_NEGOTIATION)) {
            reset();
        }
        return error;
    }

    private ByteString digests(SpdmMessage request) {
        if (stage != Stage.NEGOTIATED) {
            return error(SpdmErrorCode.UNEXPECTED_REQUEST, 0);
        }
        int supportedSlots = version >= 0x13 ? 1 << SLOT : 0; // 1.3: Param1 is SupportedSlotMask
        ByteString response = new DigestsResponse(version, supportedSlots, 1 << SLOT,
                List.of(chain().digest(suite.hash()))).encode();
        messageB = WireWriter.littleEndian().bytes(request.encode()).bytes(response); // GET_DIGESTS begins B
        return response;
    }

    private ByteString certificate(GetCertificate request) {
        if (stage != Stage.NEGOTIATED) {
            return error(SpdmErrorCode.UNEXPECTED_REQUEST, 0);
        }
        ByteString chain = chain().encode();
        if (config.faults().check(Fault.SPDM_CERTIFICATE_ANY_SLOT, request.slot() != SLOT)
                || request.offset() >= chain.size()) {
            return error(SpdmErrorCode.INVALID_REQUEST, 0);
        }
        int portion = Math.min(Math.min(request.length(), chain.size() - request.offset()),
                config.dataTransferSize() - 8);
        ByteString response = new CertificateResponse(version, SLOT, 0,
                ByteString.copyOf(chain.toByteArray(), request.offset(), portion),
                chain.size() - request.offset() - portion).encode();
        messageB.bytes(request.encode()).bytes(response);
        return response;
    }

    private ByteString challenge(Challenge request) {
        if (stage != Stage.NEGOTIATED) {
            return error(SpdmErrorCode.UNEXPECTED_REQUEST, 0);
        }
        Optional<ByteString> summary = MeasurementResponder.summary(context(), request.measurementSummaryType());
        if (request.slot() != SLOT || summary.isEmpty()) {
            return error(SpdmErrorCode.INVALID_REQUEST, 0);
        }
        ChallengeAuth unsigned = new ChallengeAuth(version, SLOT, 1 << SLOT, chain().digest(suite.hash()),
                random(32), summary.get(), ByteString.EMPTY, request.context(), ByteString.EMPTY);
        byte[] transcript = WireWriter.littleEndian().bytes(vca.toByteString()).bytes(messageB.toByteString())
                .bytes(request.encode()).bytes(unsigned.withoutSignature()).toByteString().toByteArray();
        byte[] signature = suite.asym().sign(suite.hash(), identity().key(), SignedMessages.toBeSigned(
                SpdmVersion.fromCode(version).orElseThrow(), suite.hash(), SignedMessages.CHALLENGE_AUTH, transcript),
                random);
        messageB = WireWriter.littleEndian();
        authenticated = true;
        return new ChallengeAuth(version, SLOT, 1 << SLOT, unsigned.certChainHash(), unsigned.nonce(),
                unsigned.measurementSummary(), ByteString.EMPTY, request.context(), ByteString.of(signature)).encode();
    }

    private ByteString keyExchange(KeyExchange request) {
        if (stage != Stage.NEGOTIATED || !CapabilityFlag.KEY_EX_CAP.in(requesterFlags)) {
            return error(SpdmErrorCode.UNEXPECTED_REQUEST, 0);
        }
        if (request.slot() != SLOT) {
            return error(SpdmErrorCode.INVALID_REQUEST, 0);
        }
        if (sessions.size() >= config.maxSessions()) {
            return error(SpdmErrorCode.SESSION_LIMIT_EXCEEDED, 0);
        }
        int responderHalf = nextSessionHalf;
        long sessionId = request.requesterSessionId() | (long) responderHalf << 16;
        if (config.faults().check(Fault.SPDM_SESSION_ID_REPEATED, sessions.containsKey(sessionId))) {
            return error(SpdmErrorCode.INVALID_REQUEST, 0);
        }
        Optional<ResponderSession.Started> started = ResponderSession.start(sessionId, responderHalf, request,
                context());
        if (started.isEmpty()) {
            return error(SpdmErrorCode.INVALID_REQUEST, 0);
        }
        config.faults().step(Fault.SPDM_SESSION_ID_REPEATED,
                () -> nextSessionHalf = nextSessionHalf == 1 ? 0xFFFF : nextSessionHalf - 1);
        sessions.put(sessionId, started.get().session());
        latestSession = sessionId;
        challengeSkipped();
        return started.get().response();
    }

    private Optional<DoeObject> secured(ByteString bytes) {
        DecodeResult<SecuredMessage> decoded = SecuredMessage.decode(bytes, 3);
        if (!decoded.isDecoded()) {
            return Optional.empty();
        }
        SecuredMessage record = decoded.orElseThrow();
        ResponderSession session = sessions.get(record.sessionId());
        if (session == null) {
            return Optional.empty();
        }
        ResponderSession.Outcome outcome = session.handle(record, application, this::challengeSkipped);
        if (config.faults().inject(Fault.SPDM_HEARTBEAT_WATCHDOG_SHARED)) {
            long now = System.nanoTime();
            sessions.values().forEach(other -> other.heard(now)); // one watchdog for the whole device
        }
        if (outcome.ended()) {
            sessions.remove(record.sessionId());
            if (outcome.wasEstablished()) {
                application.sessionEnded(new SpdmSessionId(record.sessionId()));
            }
        }
        return outcome.answer();
    }

    /** Whether the connection is negotiated (GET_VERSION, GET_CAPABILITIES, NEGOTIATE_ALGORITHMS done). */
    public boolean isNegotiated() {
        return stage == Stage.NEGOTIATED;
    }

    /**
     * Ends every session whose heartbeat watchdog ran out ({@link ResponderSession#silentTooLong}),
     * telling the device, before the request that arrived at {@code now} is looked at: a record of such
     * a session then finds none.
     */
    private void endSilentSessions(long now) {
        for (Map.Entry<Long, ResponderSession> entry : new ArrayList<>(sessions.entrySet())) {
            if (config.faults().check(Fault.SPDM_HEARTBEAT_NEVER_ENDS_SESSION, entry.getValue().silentTooLong(now))) {
                sessions.remove(entry.getKey());
                application.sessionEnded(new SpdmSessionId(entry.getKey()));
            }
        }
    }

    /** Ends every session (GET_VERSION does), telling the device of each one that was established. */
    private void endSessions() {
        for (Map.Entry<Long, ResponderSession> entry : new ArrayList<>(sessions.entrySet())) {
            if (entry.getValue().isEstablished()) {
                application.sessionEnded(new SpdmSessionId(entry.getKey()));
            }
        }
        sessions.clear();
    }

    /**
     * A request that skips CHALLENGE completion (KEY_EXCHANGE, FINISH, GET_MEASUREMENTS, KEY_UPDATE,
     * HEARTBEAT, END_SESSION) before the connection is authenticated resets M1/M2 (DSP0274
     * "Transcript"; libspdm_reset_message_buffer_via_request_code, 1e16c60f).
     */
    private void challengeSkipped() {
        if (!authenticated) {
            messageB = WireWriter.littleEndian();
        }
    }

    /** The negotiated connection's facts, for a session or GET_MEASUREMENTS. */
    private ResponderSession.Context context() {
        boolean heartbeat = config.flags().contains(CapabilityFlag.HBEAT_CAP)
                && CapabilityFlag.HBEAT_CAP.in(requesterFlags);
        return new ResponderSession.Context(SpdmVersion.fromCode(version).orElseThrow(), suite, otherParams,
                vca.toByteString(), chain(), identity().key(), random, config, measurementsNegotiated,
                heartbeat ? config.heartbeatPeriod() : 0, handshakeInTheClear());
    }

    private void reset() {
        if (config.faults().inject(Fault.SPDM_GET_VERSION_ENDS_SESSIONS_QUIETLY)) {
            sessions.clear();
        }
        config.faults().step(Fault.SPDM_GET_VERSION_KEEPS_SESSIONS, this::endSessions);
        vca = WireWriter.littleEndian();
        messageB = WireWriter.littleEndian();
        authenticated = false;
        stage = Stage.START;
        version = 0x10;
        suite = null;
        measurementsNegotiated = false;
        measurements = Optional.empty();
    }

    private MessageSizes sizes() {
        return suite == null ? MessageSizes.none() : MessageSizes.of(suite);
    }

    private ByteString error(SpdmErrorCode code, int data) {
        return ErrorResponse.of(version, code, data).encode();
    }

    private DeviceIdentity identity() {
        return identities.get(suite.asym());
    }

    private SpdmCertificateChain chain() {
        return identity().chain(suite.hash());
    }

    private ByteString random(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return ByteString.of(bytes);
    }
}
