package io.tsmtck.emu.spdm;

import io.tsmtck.emu.faults.Fault;
import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.cert.SpdmCertificateChain;
import io.tsmtck.api.spdm.message.ErrorResponse;
import io.tsmtck.api.spdm.message.Finish;
import io.tsmtck.api.spdm.message.FinishRsp;
import io.tsmtck.api.spdm.message.GetMeasurements;
import io.tsmtck.api.spdm.message.KeyExchange;
import io.tsmtck.api.spdm.message.KeyExchangeRsp;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.spdm.message.SessionControl;
import io.tsmtck.api.spdm.message.SpdmCodec;
import io.tsmtck.api.spdm.message.SpdmErrorCode;
import io.tsmtck.api.spdm.message.SpdmMessage;
import io.tsmtck.api.spdm.session.HandshakeSecrets;
import io.tsmtck.api.spdm.session.KeyExchangeTranscript;
import io.tsmtck.api.spdm.session.SecureChannel;
import io.tsmtck.api.spdm.session.SecuredMessage;
import io.tsmtck.api.spdm.session.SecuredMessageOpaqueData;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.spdm.session.SessionRole;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One secured session at the responder: created by KEY_EXCHANGE, finished by FINISH, then
 * HEARTBEAT, KEY_UPDATE, END_SESSION and VENDOR_DEFINED requests. A record that does not open is
 * answered with a plaintext ERROR(DecryptError) and ends the session.
 */
final class ResponderSession {

    /**
     * The connection facts a session (and GET_MEASUREMENTS) needs.
     *
     * @param measurementsNegotiated whether ALGORITHMS selected the DMTF measurement specification
     * @param heartbeatPeriod the HeartbeatPeriod KEY_EXCHANGE_RSP announces (0 unless both sides have HBEAT_CAP)
     * @param handshakeInTheClear both sides have HANDSHAKE_IN_THE_CLEAR_CAP: KEY_EXCHANGE_RSP without
     *     ResponderVerifyData, FINISH and FINISH_RSP in the clear, FINISH_RSP with it
     */
    record Context(SpdmVersion version, AlgorithmSuite suite, int otherParams, ByteString vca,
                   SpdmCertificateChain chain, PrivateKey key, SecureRandom random, ResponderConfig config,
                   boolean measurementsNegotiated, int heartbeatPeriod, boolean handshakeInTheClear) {
    }

    /** A session just created, and the KEY_EXCHANGE_RSP that created it. */
    record Started(ResponderSession session, ByteString response) {
    }

    /** What a secured record led to. */
    record Outcome(Optional<DoeObject> answer, boolean ended, boolean wasEstablished) {
    }

    /** Requests in a session that skip CHALLENGE completion (libspdm_reset_message_buffer_via_request_code). */
    private static final Set<RequestResponseCode> CONTROL = EnumSet.of(RequestResponseCode.HEARTBEAT,
            RequestResponseCode.KEY_UPDATE, RequestResponseCode.END_SESSION, RequestResponseCode.FINISH);
    private static final Set<RequestResponseCode> SKIPS_CHALLENGE = EnumSet.of(
            RequestResponseCode.GET_MEASUREMENTS, RequestResponseCode.HEARTBEAT, RequestResponseCode.KEY_UPDATE,
            RequestResponseCode.END_SESSION);

    private final long sessionId;
    private final Context context;
    private final KeyExchangeTranscript transcript;
    private final KeyExchange request;
    private final KeyExchangeRsp response;
    private final HandshakeSecrets secrets;
    private final SecureChannel channel;
    private final MeasurementResponder measurements;
    private boolean established;
    /** The last record opened and what it held: {@link Fault#SPDM_REPLAY_ACCEPTED} serves it again. */
    private Optional<SecuredMessage> lastRecord = Optional.empty();
    private ByteString lastPlaintext = ByteString.EMPTY;
    /** When the last record of this session arrived ({@link System#nanoTime()}), for its heartbeat watchdog. */
    private long lastHeard;

    private ResponderSession(long sessionId, Context context, KeyExchangeTranscript transcript, KeyExchange request,
                             KeyExchangeRsp response, HandshakeSecrets secrets) {
        this.sessionId = sessionId;
        this.context = context;
        this.transcript = transcript;
        this.request = request;
        this.response = response;
        this.secrets = secrets;
        this.channel = new SecureChannel(sessionId, SessionRole.RESPONDER, transcript.schedule(), secrets);
        this.measurements = new MeasurementResponder(context);
    }

    /**
     * Answers KEY_EXCHANGE, or empty if its exchange data, opaque data or measurement summary type
     * cannot be accepted.
     */
    static Optional<Started> start(long sessionId, int responderHalf, KeyExchange request, Context context) {
        Optional<ByteString> summary = MeasurementResponder.summary(context, request.measurementSummaryType());
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        SecuredMessageOpaqueData.Format format = SecuredMessageOpaqueData.Format.of(context.version().code(),
                context.otherParams());
        Optional<Integer> version = SecuredMessageOpaqueData.readSupported(format, request.opaque()).asOptional()
                .flatMap(offered -> SecuredMessageOpaqueData.VERSIONS.stream().filter(offered::contains)
                        .max(Integer::compare));
        if (version.isEmpty()) {
            return Optional.empty();
        }
        KeyPair ephemeral = context.suite().dhe().generate(context.random());
        Optional<byte[]> shared = context.suite().dhe().sharedSecret(ephemeral.getPrivate(),
                request.exchangeData().toByteArray());
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        byte[] random = new byte[32];
        context.random().nextBytes(random);
        KeyExchangeTranscript transcript = new KeyExchangeTranscript(context.version(), context.suite(), context.vca(),
                context.chain().digest(context.suite().hash()));
        KeyExchangeRsp unsigned = new KeyExchangeRsp(context.version().code(), context.heartbeatPeriod(),
                responderHalf, 0, 0, ByteString.of(random),
                ByteString.of(context.suite().dhe().exchangeData(ephemeral)),
                context.config().faults().value(Fault.SPDM_MEAS_SUMMARY_ZERO_IN_KEY_EXCHANGE, summary.get(),
                        ByteString.zeros(summary.get().size())),
                SecuredMessageOpaqueData.selection(format, version.get()), ByteString.EMPTY, ByteString.EMPTY);
        KeyExchangeRsp signed = unsigned.withSignature(ByteString.of(context.suite().asym().sign(context.suite().hash(),
                context.key(), transcript.toBeSigned(request, unsigned), context.random())));
        HandshakeSecrets secrets = transcript.handshake(ByteString.of(shared.get()), request, signed);
        boolean verifyData = context.config().faults().value(Fault.SPDM_CLEAR_KEY_EXCHANGE_RSP_VERIFY_DATA,
                !context.handshakeInTheClear(), true);
        KeyExchangeRsp complete = verifyData
                ? signed.withVerifyData(transcript.responderVerifyData(secrets, request, signed)) : signed;
        ResponderSession session = new ResponderSession(sessionId, context, transcript, request, complete, secrets);
        return Optional.of(new Started(session, complete.encode()));
    }

    boolean isEstablished() {
        return established;
    }

    /**
     * Whether this session's heartbeat watchdog ran out at {@code now}: the session is open, its
     * KEY_EXCHANGE_RSP announced a HeartbeatPeriod, and no record of it arrived for more than twice
     * that period. The watchdog starts at FINISH_RSP and every record of the session restarts it, as
     * libspdm's responder does (libspdm_start_watchdog with twice the period in libspdm_rsp_finish_rsp.c,
     * libspdm_reset_watchdog in libspdm_rsp_receive_send.c).
     */
    boolean silentTooLong(long now) {
        long timeout = 2L * context.heartbeatPeriod() * 1_000_000_000L;
        return established && timeout > 0 && now - lastHeard > timeout;
    }

    /** A record of this session arrived at {@code now}: its watchdog starts again. */
    void heard(long now) {
        lastHeard = now;
    }

    /**
     * Answers one record of this session; {@code challengeSkipped} runs for a request served that skips
     * CHALLENGE completion (FINISH, GET_MEASUREMENTS, HEARTBEAT, KEY_UPDATE, END_SESSION).
     */
    Outcome handle(SecuredMessage record, SessionApplication application, Runnable challengeSkipped) {
        boolean replayed = context.config().faults().inject(Fault.SPDM_REPLAY_ACCEPTED,
                lastRecord.filter(record::equals).isPresent());
        SessionResult<ByteString> opened = replayed ? SessionResult.ok(lastPlaintext) : channel.open(record);
        if (opened.isOk()) {
            lastRecord = Optional.of(record);
            lastPlaintext = opened.orElseThrow();
            context.config().faults().step(Fault.SPDM_HEARTBEAT_WATCHDOG_NOT_RESTARTED, () -> heard(System.nanoTime()));
        }
        if (!opened.isOk()) {
            return new Outcome(Optional.of(DoeObject.wrap(DoeObject.TYPE_SPDM,
                    ErrorResponse.of(context.version().code(), SpdmErrorCode.DECRYPT_ERROR, 0).encode())), true,
                    established);
        }
        DecodeResult<SpdmMessage> decoded = SpdmCodec.decode(opened.orElseThrow(), MessageSizes.of(context.suite()),
                ReservedPolicy.IGNORE, 0);
        if (context.config().faults().inject(Fault.SPDM_KEY_UPDATE_ANY_OPERATION, !decoded.isDecoded() && established
                && opened.orElseThrow().size() >= 4
                && opened.orElseThrow().get(1) == RequestResponseCode.KEY_UPDATE.code())) {
            channel.updateKeys(SessionRole.REQUESTER); // an undefined operation taken as UpdateKey
            return reply(ack(RequestResponseCode.KEY_UPDATE_ACK, SessionControl.UPDATE_KEY,
                    opened.orElseThrow().get(3)), false);
        }
        if (!decoded.isDecoded()) {
            boolean ends = context.config().faults().inject(Fault.SPDM_MALFORMED_FINISH_ENDS_SESSION, !established
                    && opened.orElseThrow().size() >= 2
                    && opened.orElseThrow().get(1) == RequestResponseCode.FINISH.code());
            Outcome refused = reply(error(SpdmErrorCode.INVALID_REQUEST), ends);
            if (ends) {
                channel.end();
            }
            return refused;
        }
        SpdmMessage message = decoded.orElseThrow();
        boolean vendorAnyVersion = context.config().faults().inject(Fault.SPDM_VENDOR_ANY_VERSION,
                message.code() == RequestResponseCode.VENDOR_DEFINED_REQUEST);
        boolean controlAnyVersion = context.config().faults().inject(Fault.SPDM_SESSION_CONTROL_ANY_VERSION,
                CONTROL.contains(message.code()));
        if (message.version() != context.version().code() && !vendorAnyVersion && !controlAnyVersion) {
            return reply(error(SpdmErrorCode.VERSION_MISMATCH), false);
        }
        if (!established && message instanceof Finish && context.handshakeInTheClear()) {
            return reply(error(SpdmErrorCode.UNEXPECTED_REQUEST), false); // FINISH belongs in the clear
        }
        if (!established && message instanceof Finish finish) {
            Outcome finished = finish(finish, application);
            if (established) {
                challengeSkipped.run();
            }
            return finished;
        }
        if (context.config().faults().check(Fault.SPDM_HANDSHAKE_SERVES_REQUESTS, !established)) {
            boolean ends = context.config().faults().inject(Fault.SPDM_HANDSHAKE_REFUSAL_ENDS_SESSION);
            Outcome refused = reply(error(SpdmErrorCode.UNEXPECTED_REQUEST), ends);
            if (ends) {
                channel.end();
            }
            return refused;
        }
        if (message.code() != RequestResponseCode.GET_MEASUREMENTS) {
            measurements.otherRequest();
        }
        if (SKIPS_CHALLENGE.contains(message.code())) {
            challengeSkipped.run();
        }
        return switch (message.code()) {
            case GET_MEASUREMENTS -> reply(measurements.answer((GetMeasurements) message), false);
            case HEARTBEAT -> reply(context.config().faults().value(Fault.SPDM_HEARTBEAT_UNEXPECTED,
                    ack(RequestResponseCode.HEARTBEAT_ACK, 0, 0), error(SpdmErrorCode.UNEXPECTED_REQUEST)), false);
            case KEY_UPDATE -> keyUpdate((SessionControl) message);
            case END_SESSION -> end();
            case VENDOR_DEFINED_REQUEST -> application.vendorDefined(Optional.of(new SpdmSessionId(sessionId)),
                    message.encode()).map(answer -> reply(answer, false))
                    .orElse(new Outcome(Optional.empty(), false, true));
            case FINISH -> {
                if (context.config().faults().inject(Fault.SPDM_FINISH_AGAIN_ACKNOWLEDGED)) {
                    yield reply(new FinishRsp(context.version().code(), ByteString.EMPTY).encode(), false);
                }
                yield refusedInSession();
            }
            default -> message.code().isRequest() ? refusedInSession()
                    : reply(error(SpdmErrorCode.UNSUPPORTED_REQUEST), false);
        };
    }

    /** UnexpectedRequest for a request that has no place in an open session; the session goes on. */
    private Outcome refusedInSession() {
        boolean ends = context.config().faults().inject(Fault.SPDM_SESSION_REFUSAL_ENDS_SESSION);
        Outcome refused = reply(error(SpdmErrorCode.UNEXPECTED_REQUEST), ends);
        if (ends) {
            channel.end();
        }
        return refused;
    }

    /**
     * FINISH in its session, or in the clear when the handshake is ({@link Context#handshakeInTheClear()}):
     * then answered in the clear, FINISH_RSP with ResponderVerifyData, the HMAC of the transcript up to
     * its header (libspdm_rsp_finish_rsp.c).
     */
    Outcome finish(Finish finish, SessionApplication application) {
        boolean inClear = context.handshakeInTheClear();
        ByteString expected = transcript.requesterVerifyData(secrets, request, response, finish);
        boolean matches = context.config().faults().value(Fault.SPDM_FINISH_VERIFY_DATA_PARTLY_COMPARED,
                expected.equals(finish.verifyData()), halfOf(expected).equals(halfOf(finish.verifyData())));
        boolean mismatch = context.config().faults().check(Fault.SPDM_FINISH_VERIFY_DATA_NOT_CHECKED, !matches);
        if (context.config().faults().inject(Fault.SPDM_CLEAR_FINISH_NOT_CHECKED, inClear)) {
            mismatch = false; // the defect: a FINISH in the clear is not checked
        }
        if (mismatch) {
            boolean retry = context.config().faults().inject(Fault.SPDM_FINISH_RETRY_ALLOWED);
            if (context.config().faults().inject(Fault.SPDM_CLEAR_FINISH_RETRY_ALLOWED, inClear)) {
                retry = true; // the defect: a wrong FINISH in the clear may be retried
            }
            Outcome refused = inClear ? plain(error(SpdmErrorCode.DECRYPT_ERROR), !retry)
                    : reply(error(SpdmErrorCode.DECRYPT_ERROR), !retry);
            if (!retry) {
                channel.end();
            }
            return refused;
        }
        FinishRsp finishRsp = inClear ? finishRspInTheClear(finish)
                : new FinishRsp(context.version().code(), ByteString.EMPTY);
        Outcome answer = inClear ? plain(finishRsp.encode(), false) : reply(finishRsp.encode(), false);
        FinishRsp transcribed = context.config().faults().value(Fault.SPDM_CLEAR_DATA_KEYS_WITHOUT_VERIFY_DATA,
                finishRsp, new FinishRsp(finishRsp.version(), ByteString.EMPTY));
        channel.enterApplicationPhase(transcript.data(secrets, request, response, finish, transcribed));
        established = true;
        heard(System.nanoTime());
        application.sessionEstablished(new SpdmSessionId(sessionId));
        return answer;
    }

    /** FINISH_RSP of the handshake in the clear, with its ResponderVerifyData. */
    private FinishRsp finishRspInTheClear(Finish finish) {
        FinishRsp header = new FinishRsp(context.version().code(), ByteString.EMPTY);
        var faults = context.config().faults();
        if (faults.inject(Fault.SPDM_CLEAR_FINISH_RSP_WITHOUT_VERIFY_DATA)) {
            return header;
        }
        if (faults.inject(Fault.SPDM_CLEAR_FINISH_RSP_VERIFY_DATA_OF_TH1)) {
            return new FinishRsp(header.version(), transcript.responderVerifyData(secrets, request, response));
        }
        if (faults.inject(Fault.SPDM_CLEAR_FINISH_RSP_REQUEST_FINISHED_KEY)) {
            HandshakeSecrets requestKeyOnly = new HandshakeSecrets(secrets.handshakeSecret(), secrets.request(),
                    secrets.request());
            return new FinishRsp(header.version(), transcript.finishRspVerifyData(requestKeyOnly, request, response,
                    finish, header)); // the defect: the request direction's finished key
        }
        ByteString data = transcript.finishRspVerifyData(secrets, request, response, finish, header);
        return new FinishRsp(header.version(), data);
    }

    private static ByteString halfOf(ByteString data) {
        return ByteString.copyOf(data.toByteArray(), 0, data.size() / 2);
    }

    /**
     * UpdateKey: the request direction moves to its next key after this request, the ACK goes under
     * the old response key. UpdateAllKeys: both directions move at once and the ACK goes under the
     * new response key (what libspdm's requester expects: libspdm_req_key_update.c, 1e16c60f).
     */
    private Outcome keyUpdate(SessionControl update) {
        ByteString ack = ack(RequestResponseCode.KEY_UPDATE_ACK, update.param1(), update.param2());
        if (!established) {
            return reply(ack, false); // acknowledged, nothing moved
        }
        if (context.config().faults().inject(Fault.SPDM_KEY_UPDATE_NOT_APPLIED)) {
            return reply(ack, false); // the defect: acknowledged, the keys not moved
        }
        if (update.param1() != SessionControl.VERIFY_NEW_KEY) {
            channel.updateKeys(SessionRole.REQUESTER);
        }
        if (context.config().faults().check(Fault.SPDM_KEY_UPDATE_ALL_KEYS_ONE_WAY,
                update.param1() == SessionControl.UPDATE_ALL_KEYS)) {
            channel.updateKeys(SessionRole.RESPONDER);
        }
        return reply(ack, false);
    }

    private Outcome end() {
        if (context.config().faults().inject(Fault.SPDM_ENDED_SESSION_SERVED)) {
            return reply(ack(RequestResponseCode.END_SESSION_ACK, 0, 0), false); // acknowledged, kept
        }
        Outcome answer = reply(ack(RequestResponseCode.END_SESSION_ACK, 0, 0), true);
        channel.end();
        return answer;
    }

    private Outcome reply(ByteString message, boolean ends) {
        SecuredMessage sealed = channel.seal(message).orElseThrow();
        return new Outcome(Optional.of(DoeObject.wrap(DoeObject.TYPE_SECURED_SPDM, sealed.encode())), ends,
                established);
    }

    /** An answer in the clear (the handshake in the clear): a plaintext SPDM object. */
    private Outcome plain(ByteString message, boolean ends) {
        return new Outcome(Optional.of(DoeObject.wrap(DoeObject.TYPE_SPDM, message)), ends, established);
    }

    private ByteString ack(RequestResponseCode code, int param1, int param2) {
        return new SessionControl(context.version().code(), code, param1, param2).encode();
    }

    private ByteString error(SpdmErrorCode code) {
        return ErrorResponse.of(context.version().code(), code, 0).encode();
    }
}
