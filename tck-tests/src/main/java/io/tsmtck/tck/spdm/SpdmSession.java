package io.tsmtck.tck.spdm;

import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.message.ErrorResponse;
import io.tsmtck.api.spdm.message.Finish;
import io.tsmtck.api.spdm.message.FinishRsp;
import io.tsmtck.api.spdm.message.KeyExchange;
import io.tsmtck.api.spdm.message.KeyExchangeRsp;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.spdm.message.SessionControl;
import io.tsmtck.api.spdm.message.SpdmMessage;
import io.tsmtck.api.spdm.session.HandshakeSecrets;
import io.tsmtck.api.spdm.session.KeyExchangeTranscript;
import io.tsmtck.api.spdm.session.SecureChannel;
import io.tsmtck.api.spdm.session.SecuredMessage;
import io.tsmtck.api.spdm.session.SessionError;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.spdm.session.SessionRole;
import io.tsmtck.api.wire.ByteString;
import java.util.Optional;

/**
 * A secured session at the kit's end: after KEY_EXCHANGE_RSP in its handshake phase, where only
 * FINISH belongs ({@link #finish()}; a test may send anything else to see it refused), then open:
 * application messages sealed and opened with the data keys, HEARTBEAT, KEY_UPDATE and END_SESSION.
 * Any failure ends it; nothing is sent after.
 *
 * <p>Threading: not thread-safe; one conversation.
 */
public final class SpdmSession {

    private final PlainExchange exchange;
    private final SpdmVersion version;
    private final SecureChannel channel;
    private final MessageSizes sizes;
    /** The connection's sizes; with {@link MessageSizes#handshakeInTheClear()} FINISH goes unsecured. */
    private final MessageSizes handshakeSizes;
    private final KeyExchangeTranscript transcript;
    private final HandshakeSecrets secrets;
    private final KeyExchange request;
    private final KeyExchangeRsp response;
    /** TH2's hash, once FINISH_RSP came and was verified. */
    private Optional<ByteString> transcriptHash = Optional.empty();

    private SpdmSession(PlainExchange exchange, SpdmVersion version, SecureChannel channel,
                        KeyExchangeTranscript transcript, HandshakeSecrets secrets, KeyExchange request,
                        KeyExchangeRsp response, MessageSizes handshakeSizes) {
        this.exchange = exchange;
        this.version = version;
        this.channel = channel;
        this.sizes = new MessageSizes(transcript.schedule().hash().size(), 0, 0, false, false);
        this.handshakeSizes = handshakeSizes;
        this.transcript = transcript;
        this.secrets = secrets;
        this.request = request;
        this.response = response;
    }

    /** A session in its handshake phase, after {@code response} answered {@code request}. */
    static SpdmSession handshake(PlainExchange exchange, SpdmVersion version, KeyExchangeTranscript transcript,
                                 HandshakeSecrets secrets, KeyExchange request, KeyExchangeRsp response,
                                 long sessionId, MessageSizes sizes) {
        SecureChannel channel = new SecureChannel(sessionId, SessionRole.REQUESTER, transcript.schedule(), secrets);
        return new SpdmSession(exchange, version, channel, transcript, secrets, request, response, sizes);
    }

    /**
     * FINISH with the right RequesterVerifyData: the session, in its application phase. With the
     * handshake in the clear FINISH goes unsecured and FINISH_RSP's ResponderVerifyData must be the
     * HMAC of the transcript up to its header.
     */
    public SessionResult<SpdmSession> finish() {
        Finish finish = new Finish(version.code(), 0, 0, requesterVerifyData());
        if (!handshakeInTheClear()) {
            return request(finish, FinishRsp.class).then(finishRsp -> opened(finish, finishRsp));
        }
        return exchange.send(finish, FinishRsp.class, handshakeSizes).then(finishRsp -> {
            ByteString expected = transcript.finishRspVerifyData(secrets, request, response, finish, finishRsp);
            if (!expected.equals(finishRsp.verifyData())) {
                return fail(SessionError.Kind.BAD_VERIFY_DATA, "FINISH_RSP's ResponderVerifyData "
                        + finishRsp.verifyData().hex() + " is not the HMAC of the transcript up to FINISH_RSP's "
                        + "header with the response finished key (" + expected.hex() + ")");
            }
            return opened(finish, finishRsp);
        });
    }

    /** The session after its FINISH_RSP: in the application phase, its TH2 hash kept and logged. */
    private SessionResult<SpdmSession> opened(Finish finish, FinishRsp finishRsp) {
        channel.enterApplicationPhase(transcript.data(secrets, request, response, finish, finishRsp));
        transcriptHash = Optional.of(transcript.th2Hash(request, response, finish, finishRsp));
        exchange.opened(this);
        return SessionResult.ok(this);
    }

    /**
     * The hash of the session's transcript TH2 (DSP0274: message A, the chain's hash, KEY_EXCHANGE, KEY_EXCHANGE_RSP,
     * FINISH, FINISH_RSP) with the negotiated hash, once the session is open: what names this session with this
     * device in a report.
     */
    public Optional<ByteString> transcriptHash() {
        return transcriptHash;
    }

    /** Whether FINISH and FINISH_RSP go in the clear (both sides set HANDSHAKE_IN_THE_CLEAR_CAP). */
    public boolean handshakeInTheClear() {
        return handshakeSizes.handshakeInTheClear();
    }

    /** The RequesterVerifyData a correct FINISH carries. */
    public ByteString requesterVerifyData() {
        return transcript.requesterVerifyData(secrets, request, response, new Finish(version.code(), 0, 0,
                ByteString.EMPTY));
    }

    /**
     * FINISH with {@code verifyData}, in the handshake phase, for a device that must refuse it: the
     * answer's SPDM message (opened if it came sealed, as it is if it came in the clear), or empty.
     * The session stays in its handshake phase at the kit's end. With the handshake in the clear the
     * FINISH goes unsecured.
     */
    public SessionResult<Optional<ByteString>> finishWith(ByteString verifyData) {
        ByteString finish = new Finish(version.code(), 0, 0, verifyData).encode();
        if (handshakeInTheClear()) {
            return exchange.rawOrNothing(finish);
        }
        SessionResult<SecuredMessage> sealed = channel.seal(finish);
        if (!(sealed instanceof SessionResult.Ok<SecuredMessage> ok)) {
            return SessionResult.failed(sealed.failure().orElseThrow());
        }
        return exchange.securedOrNothing(ok.value(), finish).then(answer -> {
            if (answer.isEmpty() || answer.get().type() == DoeObject.TYPE_SPDM) {
                return SessionResult.ok(answer.map(DoeObject::data));
            }
            var record = SecuredMessage.decode(answer.get().data(), 3);
            if (!record.isDecoded()) {
                return SessionResult.failed(SessionError.Kind.MALFORMED, "the answer to FINISH is not a secured "
                        + "message: " + record.failure().orElseThrow());
            }
            return channel.open(record.orElseThrow()).then(opened -> SessionResult.ok(Optional.of(opened)));
        });
    }

    /** The MeasurementSummaryHash of the KEY_EXCHANGE_RSP that made the session (empty when none was asked for). */
    public ByteString measurementSummary() {
        return response.measurementSummary();
    }

    public long sessionId() {
        return channel.sessionId();
    }

    /** True until END_SESSION or a failure. */
    public boolean isOpen() {
        return channel.phase() != SecureChannel.Phase.ENDED;
    }

    /**
     * Sends one application message (a VENDOR_DEFINED_REQUEST) and returns the device's answer.
     *
     * @return the answer's application message
     */
    public SessionResult<ByteString> send(ByteString message) {
        return roundTrip(message, () -> { });
    }

    /**
     * Sends one application message that the device may answer with nothing (DSP0277 lets a
     * responder drop a request, as IDE_KM does with a K_SET_GO it cannot act on).
     *
     * @return the answer's application message, or empty when the device sent none
     */
    public SessionResult<Optional<ByteString>> exchange(ByteString message) {
        SessionResult<SecuredMessage> sealed = channel.seal(message);
        if (!(sealed instanceof SessionResult.Ok<SecuredMessage> ok)) {
            return SessionResult.failed(sealed.failure().orElseThrow());
        }
        return exchange.securedOrNothing(ok.value(), message).then(answer -> answer.isEmpty()
                ? SessionResult.ok(Optional.<ByteString>empty()) : open(answer.get()).then(opened ->
                        SessionResult.ok(Optional.of(opened))));
    }

    /** HEARTBEAT, answered by HEARTBEAT_ACK. */
    public SessionResult<SessionControl> heartbeat() {
        return control(RequestResponseCode.HEARTBEAT, 0, 0);
    }

    /**
     * KEY_UPDATE: UpdateKey (the request direction) or UpdateAllKeys (both; the ACK already comes
     * under the new response key), then VerifyNewKey under the new keys.
     */
    public SessionResult<SessionControl> updateKeys(boolean allKeys, int tag) {
        int operation = allKeys ? SessionControl.UPDATE_ALL_KEYS : SessionControl.UPDATE_KEY;
        Runnable afterSending = allKeys ? () -> channel.updateKeys(SessionRole.RESPONDER) : () -> { };
        return control(RequestResponseCode.KEY_UPDATE, operation, tag, afterSending).then(ack -> {
            channel.updateKeys(SessionRole.REQUESTER);
            return control(RequestResponseCode.KEY_UPDATE, SessionControl.VERIFY_NEW_KEY, tag + 1 & 0xFF);
        });
    }

    /**
     * {@link #updateKeys} keeping one thing a correct device must refuse: {@code stale} sealed with
     * the request key KEY_UPDATE replaced, at the sequence number that would have come next, for a
     * test to send once the new keys are in use.
     */
    public SessionResult<SecuredMessage> updateKeysSealing(boolean allKeys, int tag, ByteString stale) {
        int operation = allKeys ? SessionControl.UPDATE_ALL_KEYS : SessionControl.UPDATE_KEY;
        Runnable afterSending = allKeys ? () -> channel.updateKeys(SessionRole.RESPONDER) : () -> { };
        return control(RequestResponseCode.KEY_UPDATE, operation, tag, afterSending).then(ack -> {
            SessionResult<SecuredMessage> sealed = channel.seal(stale);
            channel.updateKeys(SessionRole.REQUESTER);
            return control(RequestResponseCode.KEY_UPDATE, SessionControl.VERIFY_NEW_KEY, tag + 1 & 0xFF)
                    .then(verified -> sealed);
        });
    }

    /**
     * END_SESSION as {@link #end()}, keeping one thing a correct device must refuse: {@code next}
     * sealed with the session's keys and the sequence number that would have come next, for a
     * test to send after the session ended.
     */
    public SessionResult<SecuredMessage> endSealing(ByteString next) {
        SessionResult<SessionControl> ack = control(RequestResponseCode.END_SESSION, 0, 0);
        SessionResult<SecuredMessage> stale = ack.then(done -> channel.seal(next));
        channel.end();
        return stale;
    }

    /** END_SESSION, answered by END_SESSION_ACK; the session ends either way. */
    public SessionResult<SessionControl> end() {
        SessionResult<SessionControl> ack = control(RequestResponseCode.END_SESSION, 0, 0);
        channel.end();
        return ack;
    }

    private SessionResult<SessionControl> control(RequestResponseCode code, int param1, int param2) {
        return control(code, param1, param2, () -> { });
    }

    private SessionResult<SessionControl> control(RequestResponseCode code, int param1, int param2,
                                                  Runnable afterSending) {
        SessionControl request = new SessionControl(version.code(), code, param1, param2);
        return request(request, SessionControl.class, afterSending).then(ack -> {
            RequestResponseCode expected = RequestResponseCode.fromCode(code.code() & 0x7F).orElseThrow();
            if (ack.code() != expected || ack.param1() != request.param1() && code == RequestResponseCode.KEY_UPDATE
                    || ack.param2() != request.param2() && code == RequestResponseCode.KEY_UPDATE) {
                return fail(SessionError.Kind.UNEXPECTED_MESSAGE, code + " (" + request.encode().hex()
                        + ") was answered with " + ack.encode().hex() + ", expected " + expected
                        + " echoing operation and tag");
            }
            return SessionResult.ok(ack);
        });
    }

    private <T extends SpdmMessage> SessionResult<T> request(SpdmMessage request, Class<T> expected) {
        return request(request, expected, () -> { });
    }

    private <T extends SpdmMessage> SessionResult<T> request(SpdmMessage request, Class<T> expected,
                                                             Runnable afterSending) {
        return roundTrip(request.encode(), afterSending).then(answer -> PlainExchange.decode(answer, sizes, 0))
                .then(message -> PlainExchange.expect(request, message, expected));
    }

    private SessionResult<ByteString> roundTrip(ByteString message, Runnable afterSending) {
        SessionResult<SecuredMessage> sealed = channel.seal(message);
        if (!(sealed instanceof SessionResult.Ok<SecuredMessage> ok)) {
            return SessionResult.failed(sealed.failure().orElseThrow());
        }
        SessionResult<DoeObject> answer = exchange.securedOrNothing(ok.value(), message).then(maybe -> maybe
                .map(SessionResult::ok).orElseGet(() -> SessionResult.failed(SessionError.Kind.TRANSPORT,
                        String.format("no answer to the secured record of session 0x%08x", ok.value().sessionId()))));
        afterSending.run();
        return answer.then(this::open);
    }

    /**
     * Seals {@code message} as the next record of the session without sending it, for a test to send
     * itself (twice, to see a replay refused).
     */
    public SessionResult<SecuredMessage> seal(ByteString message) {
        return channel.seal(message);
    }

    /** The HeartbeatPeriod of the KEY_EXCHANGE_RSP that made the session, in seconds (0: none). */
    public int heartbeatPeriod() {
        return response.heartbeatPeriod();
    }

    /**
     * Opens an answer the device sent to a record the test sent itself: the SPDM message in it; a
     * failure for a plaintext answer or a record that does not open with the session's current keys
     * (which ends the session at the kit's end).
     */
    public SessionResult<ByteString> openAnswer(DoeObject answer) {
        return open(answer);
    }

    private SessionResult<ByteString> open(DoeObject answer) {
        if (answer.type() == DoeObject.TYPE_SPDM) {
            var plain = PlainExchange.decode(answer.data(), MessageSizes.none(), 3);
            String what = plain.isOk() && plain.orElseThrow() instanceof ErrorResponse error ? error.toString()
                    : answer.data().hex();
            return fail(SessionError.Kind.PEER_ERROR, "a secured request was answered in plaintext: " + what);
        }
        if (answer.type() != DoeObject.TYPE_SECURED_SPDM) {
            return fail(SessionError.Kind.UNEXPECTED_MESSAGE, "DOE object type " + answer.type()
                    + " in answer to a secured message");
        }
        var record = SecuredMessage.decode(answer.data(), 3);
        if (!record.isDecoded()) {
            return fail(SessionError.Kind.MALFORMED, "the answer is not a secured message: "
                    + record.failure().orElseThrow());
        }
        SessionResult<ByteString> opened = channel.open(record.orElseThrow());
        if (!opened.isOk()) {
            channel.end(); // the answer to this request is lost: both ends can no longer agree on the sequence
        } else {
            exchange.opened(opened.orElseThrow());
        }
        return opened;
    }

    private <T> SessionResult<T> fail(SessionError.Kind kind, String detail) {
        channel.end();
        return SessionResult.failed(kind, String.format("session 0x%08x: %s", channel.sessionId(), detail));
    }
}
