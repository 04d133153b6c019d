package io.tsmtck.tck.tests.spdm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;
import static io.tsmtck.tck.tests.spdm.InSession.assertServed;
import static io.tsmtck.tck.tests.spdm.InSession.describe;
import static io.tsmtck.tck.tests.spdm.InSession.served;
import static io.tsmtck.tck.tests.spdm.InSession.tdispGetVersion;

import io.tsmtck.api.idekm.IdeKmQuery;
import io.tsmtck.api.idekm.IdeKmQueryResponse;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.message.CapabilityFlag;
import io.tsmtck.api.spdm.message.Finish;
import io.tsmtck.api.spdm.message.GetMeasurements;
import io.tsmtck.api.spdm.message.GetVersion;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.spdm.message.SessionControl;
import io.tsmtck.api.spdm.message.SpdmErrorCode;
import io.tsmtck.api.spdm.session.SecuredMessage;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.WireWriter;
import io.tsmtck.tck.binding.Applicability;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.catalogue.Condition;
import io.tsmtck.tck.device.DeviceCases;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.FirstRead;
import io.tsmtck.tck.device.IdeKmAnswer;
import io.tsmtck.tck.device.SecuredReply;
import io.tsmtck.tck.device.SpdmAnswer;
import io.tsmtck.tck.device.TdiDriver;
import io.tsmtck.tck.setup.Setup;
import io.tsmtck.tck.spdm.SpdmConnection;
import io.tsmtck.tck.spdm.SpdmSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a TSM relies on of the secured session the device's TDISP and IDE_KM ride on: the requests
 * that belong to a session are refused outside one and leave it alone; before FINISH a session serves
 * nothing, and a wrong FINISH opens none; after KEY_UPDATE only the new keys open records; and
 * GET_VERSION ends every session, moving the TDIs locked in them to ERROR.
 */
@Tag("area-spdm")
class SecuredSessionTest {

    /** The requests DSP0274 allows only within a session. */
    enum SessionOnly {
        FINISH, HEARTBEAT, KEY_UPDATE, END_SESSION;

        ByteString in(int version, int hashSize) {
            return switch (this) {
                case FINISH -> new Finish(version, 0, 0, ByteString.zeros(hashSize)).encode();
                case HEARTBEAT -> new SessionControl(version, RequestResponseCode.HEARTBEAT, 0, 0).encode();
                case KEY_UPDATE -> new SessionControl(version, RequestResponseCode.KEY_UPDATE,
                        SessionControl.UPDATE_KEY, 1).encode();
                case END_SESSION -> new SessionControl(version, RequestResponseCode.END_SESSION, 0, 0).encode();
            };
        }
    }

    static Stream<Arguments> sessionOnly() {
        return DeviceCases.with(List.of(SessionOnly.values()));
    }

    @ParameterizedTest(name = "{0}, {1} in the clear")
    @MethodSource("sessionOnly")
    @Must("SPDM-08")
    void aSessionRequestInTheClearIsSessionRequiredAndLeavesTheSessionAlone(DeviceSut sut, SessionOnly request) {
        SpdmSession session = sut.session();
        SpdmConnection connection = sut.connection();
        Applicability.requireSpdm12(connection);
        int version = connection.version().code();

        SpdmAnswer answer = sut.plain(request.in(version, connection.suite().hash().size()),
                MessageSizes.of(connection.suite()));

        assertThat(answer).as("answer to %s in the clear, the kit's session 0x%08x open", request, session.sessionId())
                .isSpdmError(SpdmErrorCode.SESSION_REQUIRED, version);
        assertServed(sut, session, "after " + request + " in the clear");
    }

    /** What a session in its handshake phase must refuse: anything but FINISH. */
    enum InHandshake {
        HEARTBEAT, KEY_UPDATE, END_SESSION, GET_TDISP_VERSION, GET_MEASUREMENTS;

        ByteString in(int version, DeviceSut sut) {
            return switch (this) {
                case GET_MEASUREMENTS -> GetMeasurements.unsigned(version, GetMeasurements.NUMBER_OF_MEASUREMENTS,
                        version >= 0x13 ? ByteString.ofHex("0001020304050607") : ByteString.EMPTY).encode();
                case HEARTBEAT -> new SessionControl(version, RequestResponseCode.HEARTBEAT, 0, 0).encode();
                case KEY_UPDATE -> new SessionControl(version, RequestResponseCode.KEY_UPDATE,
                        SessionControl.UPDATE_KEY, 1).encode();
                case END_SESSION -> new SessionControl(version, RequestResponseCode.END_SESSION, 0, 0).encode();
                case GET_TDISP_VERSION -> tdispGetVersion(sut, version);
            };
        }
    }

    static Stream<Arguments> inHandshake() {
        return DeviceCases.with(List.of(InHandshake.values()));
    }

    /** Which RequesterVerifyData byte the kit flips: the first and the last. */
    static Stream<Arguments> flippedBytes() {
        return DeviceCases.with(List.of(Named.of("its first byte flipped", 0), Named.of("its last byte flipped", -1)));
    }

    static Stream<Arguments> keyUpdates() {
        return DeviceCases.with(List.of(Named.of("UpdateKey", false), Named.of("UpdateAllKeys", true)));
    }

    @ParameterizedTest(name = "{0}, RequesterVerifyData with {1}")
    @MethodSource("flippedBytes")
    @Must("SPDM-13")
    void aFinishWithWrongVerifyDataIsDecryptErrorAndOpensNoSession(DeviceSut sut, int flipped) {
        SpdmConnection connection = sut.connect().connection();
        int version = connection.version().code();
        SpdmSession handshake = keyExchange(connection);
        byte[] wrong = handshake.requesterVerifyData().toByteArray();
        int at = flipped < 0 ? wrong.length + flipped : flipped;
        wrong[at] ^= 0x01;

        SessionResult<Optional<ByteString>> answer = handshake.finishWith(ByteString.of(wrong));

        assertThat(String.format("answer to FINISH in session 0x%08x with byte %d of RequesterVerifyData flipped",
                handshake.sessionId(), at), describe(answer)).is(SpdmAnswer.error(SpdmErrorCode.DECRYPT_ERROR,
                version));
        SessionResult<SpdmSession> retried = handshake.finish();
        assertThat(String.format("answer to the right FINISH in session 0x%08x after the wrong one",
                handshake.sessionId()), retried.isOk() ? "FINISH_RSP: the session opened"
                : "no session: " + retried.failure().orElseThrow())
                .satisfies(d -> !retried.isOk(), "no FINISH_RSP (the wrong FINISH ended the session)");
    }

    @ParameterizedTest(name = "{0}, {1} before FINISH")
    @MethodSource("inHandshake")
    @Must("SPDM-14")
    void aSessionInItsHandshakePhaseServesNothingButFinish(DeviceSut sut, InHandshake request) {
        SpdmConnection connection = sut.connect().connection();
        if (request == InHandshake.GET_MEASUREMENTS) { // a device without measurements may refuse it otherwise
            Applicability.requireSpdmCapability(connection, Condition.ADVERTISES_SIGNED_MEASUREMENTS,
                    CapabilityFlag.MEAS_CAP_SIG);
        }
        int version = connection.version().code();
        SpdmSession handshake = keyExchange(connection);

        SessionResult<Optional<ByteString>> answer = handshake.exchange(request.in(version, sut));

        assertThat(String.format("answer to %s in session 0x%08x before FINISH", request, handshake.sessionId()),
                describe(answer)).is(SpdmAnswer.error(SpdmErrorCode.UNEXPECTED_REQUEST, version));
        SpdmSession finished = assertFinishes(handshake, "after the refused " + request);
        assertServed(sut, finished, "after FINISH");
        finished.end();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("keyUpdates")
    @Must("SPDM-15")
    void afterKeyUpdateTheSessionServesUnderTheNewKeysOnly(DeviceSut sut, boolean allKeys) {
        SpdmSession session = sut.session();
        SpdmConnection connection = sut.connection();
        Applicability.requireSpdmCapability(connection, Condition.ADVERTISES_KEY_UPDATE, CapabilityFlag.KEY_UPD_CAP);
        String operation = allKeys ? "UpdateAllKeys" : "UpdateKey";

        SessionResult<SecuredMessage> stale = session.updateKeysSealing(allKeys, 0x21,
                tdispGetVersion(sut, connection.version().code()));

        assertThat(String.format("KEY_UPDATE %s then VerifyNewKey in session 0x%08x", operation, session.sessionId()),
                stale.isOk() ? "both acknowledged" : stale.failure().orElseThrow().toString()).is("both acknowledged");
        assertServed(sut, session, "after KEY_UPDATE " + operation);
        IdeKmAnswer query = sut.tdisp(sut.pf0()).ideKm(new IdeKmQuery(0));
        assertThat(String.format("IDE_KM QUERY in session 0x%08x after KEY_UPDATE %s", session.sessionId(),
                operation), query.toString()).satisfies(d -> query.message()
                .filter(IdeKmQueryResponse.class::isInstance).isPresent(), "the device's QUERY_RESP");
        Optional<DoeObject> answer;
        try {
            answer = sut.rawOrClosed(DoeObject.wrap(DoeObject.TYPE_SECURED_SPDM, stale.orElseThrow().encode()));
        } catch (IOException closed) {
            answer = Optional.empty(); // no answer, as the rule asks
        } finally {
            sut.connectionReset(); // the device may end the session on the record it cannot open
        }
        // an ERROR in the session (libspdm sends DecryptError sealed with the current keys) is no service
        Optional<SpdmAnswer> opened = answer.filter(a -> new SecuredReply(Optional.of(a), session.sessionId())
                .inSession()).map(a -> session.openAnswer(a)).filter(SessionResult::isOk)
                .map(plain -> new SpdmAnswer(Optional.of(plain.orElseThrow()), MessageSizes.none()));
        assertThat("the answer to GET_TDISP_VERSION sealed with the request key KEY_UPDATE replaced",
                opened.map(SpdmAnswer::describe).orElse("no answer that opens in the session"))
                .satisfies(d -> opened.filter(a -> a.spdmError().isEmpty()).isEmpty(),
                        "no answer that opens in the session, or an SPDM ERROR in it");
    }

    @ParameterizedTest(name = "{0}, function {1}, {2}")
    @MethodSource("lockedOrRun")
    @Must("SPDM-16")
    void getVersionEndsEverySessionAndItsLockedTdisGoToError(DeviceSut sut, int fn, TdiState state) {
        PciFunction function = sut.connect().function(fn);
        TdiDriver.enter(sut, function, state);
        SpdmSession locking = sut.session();
        SpdmSession other = sut.openSecondSession();
        int negotiated = sut.connection().version().code();

        SpdmAnswer version = sut.plain(GetVersion.request().encode(), MessageSizes.none());
        sut.connectionReset();

        assertThat("answer to GET_VERSION with two sessions open", version.describe())
                .satisfies(d -> version.is(RequestResponseCode.VERSION), "the device's VERSION");
        // the state first: a device may end the connection on the records of the ended sessions sent below
        FirstRead.assertStateInNewSession(sut, function, TdiState.ERROR, "after GET_VERSION ended the session that "
                + "locked it in " + state);
        try {
            for (SpdmSession ended : List.of(other, locking)) {
                SessionResult<Optional<ByteString>> after = ended.exchange(tdispGetVersion(sut, negotiated));
                assertThat(String.format("GET_TDISP_VERSION in session 0x%08x after GET_VERSION", ended.sessionId()),
                        describe(after)).satisfies(d -> !served(after), "no VENDOR_DEFINED_RESPONSE (GET_VERSION "
                        + "ended the session)");
            }
        } finally {
            sut.connectionReset();
        }
    }

    /** Which earlier record the kit sends again: the last one, or the one before it. */
    static Stream<Arguments> replays() {
        return DeviceCases.with(List.of(Named.of("the last record again", 1),
                Named.of("the record before the last", 2)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("replays")
    @Must("SPDM-17")
    void aRecordSentAgainIsNotServedAgain(DeviceSut sut, int back) {
        SpdmConnection connection = sut.connect().connection();
        SpdmSession session = sut.openSecondSession();
        int version = connection.version().code();
        List<SecuredMessage> sent = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                SecuredMessage record = session.seal(tdispGetVersion(sut, version)).orElseThrow();
                sent.add(record);
                SpdmAnswer first = answerTo(sut, session, record);
                if (!first.is(RequestResponseCode.VENDOR_DEFINED_RESPONSE)) {
                    throw Setup.failed("GET_TDISP_VERSION in a session beside the kit's", first.describe());
                }
            }
            SecuredMessage again = sent.get(sent.size() - back);

            SpdmAnswer answer = answerTo(sut, session, again);

            assertThat(String.format("answer to a record of session 0x%08x sent again (%d back)", session.sessionId(),
                    back), answer.describe()).satisfies(d -> !answer.is(RequestResponseCode.VENDOR_DEFINED_RESPONSE),
                    "no VENDOR_DEFINED_RESPONSE that opens in the session: nothing, an SPDM ERROR, or a record the "
                    + "session's keys do not open");
        } finally {
            sut.connectionReset(); // the device may end the session, or the connection, on the replay
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DeviceCases.DEVICE)
    @Must("SPDM-17")
    void twoSessionsOfOneRequesterSessionIdGetSessionIdsOfTheirOwn(DeviceSut sut) {
        SpdmConnection connection = sut.connect().connection();
        int requesterHalf = 0x5A5A;
        SpdmSession first = keyExchange(connection, requesterHalf);
        SessionResult<SpdmSession> second = connection.keyExchange(0, requesterHalf);
        if (!second.isOk()) {
            // refusing a ReqSessionID in use is one way to keep session ids apart
            first.finish().then(SpdmSession::end);
            return;
        }
        assertThat(String.format("SessionID of two sessions whose KEY_EXCHANGE both carried ReqSessionID 0x%04X",
                requesterHalf), String.format("0x%08x and 0x%08x", first.sessionId(), second.orElseThrow().sessionId()))
                .satisfies(d -> first.sessionId() != second.orElseThrow().sessionId(), "two different SessionIDs");
        for (SpdmSession session : List.of(first, second.orElseThrow())) {
            assertFinishes(session, "beside the other session of the same ReqSessionID");
            assertServed(sut, session, "beside the other session of the same ReqSessionID");
        }
        first.end();
        second.orElseThrow().end();
    }

    static Stream<Arguments> controlInOtherVersions() {
        return DeviceCases.with(Stream.of(SessionOnly.HEARTBEAT, SessionOnly.KEY_UPDATE, SessionOnly.END_SESSION)
                .flatMap(request -> Stream.of(Named.of(request + " one minor version above", new Control(request, 1)),
                        Named.of(request + " one minor version below", new Control(request, -1)))).toList());
    }

    /** A session request in the negotiated version plus {@code offset}. */
    record Control(SessionOnly request, int offset) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DeviceCases.DEVICE)
    @Must("SPDM-18")
    void heartbeatInTheSessionIsAcknowledged(DeviceSut sut) {
        SpdmSession session = sut.session();
        SpdmConnection connection = sut.connection();
        Applicability.requireSpdmCapability(connection, Condition.ADVERTISES_HEARTBEAT, CapabilityFlag.HBEAT_CAP);
        Applicability.requireHeartbeatPeriod(session);

        SessionResult<SessionControl> ack = session.heartbeat();

        assertThat(String.format("answer to HEARTBEAT in session 0x%08x (HeartbeatPeriod %d s)", session.sessionId(),
                session.heartbeatPeriod()), ack.isOk() ? "HEARTBEAT_ACK" : ack.failure().orElseThrow().toString())
                .is("HEARTBEAT_ACK");
        assertServed(sut, session, "after HEARTBEAT");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("controlInOtherVersions")
    @Must("SPDM-18")
    void aSessionRequestInAnotherVersionIsVersionMismatchAndChangesNothing(DeviceSut sut, Control control) {
        SpdmSession session = sut.session();
        int negotiated = sut.connection().version().code();
        int other = negotiated + control.offset();

        SessionResult<Optional<ByteString>> answer = session.exchange(control.request().in(other, 0));

        assertThat(String.format("answer to %s in SPDMVersion 0x%02X in session 0x%08x (negotiated 0x%02X)",
                control.request(), other, session.sessionId(), negotiated), describe(answer))
                .is(SpdmAnswer.error(SpdmErrorCode.VERSION_MISMATCH, negotiated));
        assertServed(sut, session, "after " + control.request() + " in SPDMVersion 0x" + Integer.toHexString(other));
    }

    static Stream<Arguments> undefinedKeyUpdates() {
        return DeviceCases.with(List.of(Named.of("operation 0", 0), Named.of("operation 4", 4)));
    }

    @ParameterizedTest(name = "{0}, KEY_UPDATE {1}")
    @MethodSource("undefinedKeyUpdates")
    @Must("SPDM-19")
    void keyUpdateWithAnUndefinedOperationIsInvalidRequestAndChangesNothing(DeviceSut sut, int operation) {
        sut.connect();
        int version = sut.connection().version().code();
        SpdmSession session = sut.openSecondSession();

        SessionResult<Optional<ByteString>> answer = session.exchange(ByteString.of(new byte[] {(byte) version,
                (byte) RequestResponseCode.KEY_UPDATE.code(), (byte) operation, 0x31}));

        assertThat(String.format("answer to KEY_UPDATE with operation %d in session 0x%08x", operation,
                session.sessionId()), describe(answer)).is(SpdmAnswer.error(SpdmErrorCode.INVALID_REQUEST, version));
        assertServed(sut, session, "after KEY_UPDATE with operation " + operation);
        session.end();
    }

    /** A FINISH a responder must refuse (this kit never asks for mutual authentication). */
    enum BadFinish {
        /** Param1 bit 0: a requester signature, which nothing asked for. */
        SIGNATURE_FLAG_WITHOUT_MUTUAL_AUTHENTICATION,
        /** The header alone: no RequesterVerifyData. */
        NO_VERIFY_DATA;

        ByteString in(int version, ByteString verifyData) {
            byte[] header = {(byte) version, (byte) RequestResponseCode.FINISH.code(), 0, 0};
            if (this == NO_VERIFY_DATA) {
                return ByteString.of(header);
            }
            header[2] = 0x01;
            return WireWriter.littleEndian().bytes(ByteString.of(header)).bytes(verifyData).toByteString();
        }
    }

    static Stream<Arguments> badFinishes() {
        return DeviceCases.with(List.of(BadFinish.values()));
    }

    @ParameterizedTest(name = "{0}, FINISH with {1}")
    @MethodSource("badFinishes")
    @Must("SPDM-19")
    void aFinishThatDoesNotParseIsInvalidRequestAndTheRightOneStillOpens(DeviceSut sut, BadFinish bad) {
        SpdmConnection connection = sut.connect().connection();
        int version = connection.version().code();
        SpdmSession handshake = keyExchange(connection);

        SessionResult<Optional<ByteString>> answer = handshake.exchange(bad.in(version,
                handshake.requesterVerifyData()));

        assertThat(String.format("answer to FINISH with %s in session 0x%08x", bad, handshake.sessionId()),
                describe(answer)).is(SpdmAnswer.error(SpdmErrorCode.INVALID_REQUEST, version));
        assertFinishes(handshake, "after the refused one").end();
    }

    /** Requests that have no place in a session already open. */
    enum InOpenSession {
        KEY_EXCHANGE, FINISH
    }

    static Stream<Arguments> inOpenSession() {
        return DeviceCases.with(List.of(InOpenSession.values()));
    }

    @ParameterizedTest(name = "{0}, {1} in an open session")
    @MethodSource("inOpenSession")
    @Must("SPDM-20")
    void aRequestThatOpensASessionIsUnexpectedInAnOpenOne(DeviceSut sut, InOpenSession request) {
        SpdmConnection connection = sut.connect().connection();
        int version = connection.version().code();
        SpdmSession session = sut.openSecondSession();
        ByteString message = request == InOpenSession.KEY_EXCHANGE ? connection.keyExchangeIn(version)
                : new Finish(version, 0, 0, ByteString.zeros(connection.suite().hash().size())).encode();

        SessionResult<Optional<ByteString>> answer = session.exchange(message);

        assertThat(String.format("answer to %s in session 0x%08x, open since its FINISH", request,
                session.sessionId()), describe(answer)).is(SpdmAnswer.error(SpdmErrorCode.UNEXPECTED_REQUEST,
                version));
        assertServed(sut, session, "after " + request + " in it");
        session.end();
    }

    static Stream<Arguments> minorOffsets() {
        return DeviceCases.with(List.of(Named.of("one minor version above", 1), Named.of("one minor version below",
                -1)));
    }

    @ParameterizedTest(name = "{0}, FINISH {1}")
    @MethodSource("minorOffsets")
    @Must("SPDM-18")
    void aFinishInAnotherVersionIsVersionMismatchAndTheRightOneStillOpens(DeviceSut sut, int offset) {
        SpdmConnection connection = sut.connect().connection();
        int version = connection.version().code();
        SpdmSession handshake = keyExchange(connection);
        ByteString right = new Finish(version, 0, 0, handshake.requesterVerifyData()).encode();
        byte[] other = right.toByteArray();
        other[0] = (byte) (version + offset);

        SessionResult<Optional<ByteString>> answer = handshake.exchange(ByteString.of(other));

        assertThat(String.format("answer to FINISH in SPDMVersion 0x%02X in session 0x%08x (negotiated 0x%02X)",
                other[0], handshake.sessionId(), version), describe(answer))
                .is(SpdmAnswer.error(SpdmErrorCode.VERSION_MISMATCH, version));
        assertFinishes(handshake, "in the negotiated version, after the mismatch").end();
    }

    /** The right FINISH of {@code handshake} ({@code when} says after what) opens it: FINISH_RSP. */
    private static SpdmSession assertFinishes(SpdmSession handshake, String when) {
        SessionResult<SpdmSession> finished = handshake.finish();
        assertThat(String.format("FINISH in session 0x%08x %s", handshake.sessionId(), when),
                finished.isOk() ? "FINISH_RSP" : finished.failure().orElseThrow().toString()).is("FINISH_RSP");
        return finished.orElseThrow();
    }

    /** What came back to {@code record} sent as it is, opened with the session's keys where it opens. */
    private static SpdmAnswer answerTo(DeviceSut sut, SpdmSession session, SecuredMessage record) {
        Optional<DoeObject> answer;
        try {
            answer = sut.rawOrClosed(DoeObject.wrap(DoeObject.TYPE_SECURED_SPDM, record.encode()));
        } catch (IOException closed) {
            return new SpdmAnswer(Optional.empty(), MessageSizes.none());
        }
        if (answer.isEmpty() || answer.get().type() != DoeObject.TYPE_SECURED_SPDM) {
            return new SpdmAnswer(answer.map(DoeObject::data), MessageSizes.none());
        }
        SessionResult<ByteString> opened = session.openAnswer(answer.get());
        return new SpdmAnswer(opened.isOk() ? Optional.of(opened.orElseThrow()) : Optional.empty(),
                MessageSizes.none());
    }

    static Stream<Arguments> lockedOrRun() {
        return DeviceCases.functionsInStates(DeviceCases.WITH_SUBFUNCTIONS, TdiState.CONFIG_LOCKED, TdiState.RUN);
    }

    /** A session beside the kit's, after KEY_EXCHANGE_RSP, before FINISH. */
    private static SpdmSession keyExchange(SpdmConnection connection) {
        return keyExchange(connection, -1);
    }

    /** {@link #keyExchange(SpdmConnection)} with ReqSessionID {@code requesterHalf} (-1: the kit's next). */
    private static SpdmSession keyExchange(SpdmConnection connection, int requesterHalf) {
        SessionResult<SpdmSession> handshake = requesterHalf < 0 ? connection.keyExchange(0)
                : connection.keyExchange(0, requesterHalf);
        if (!handshake.isOk()) {
            throw Setup.failed("KEY_EXCHANGE for a session beside the kit's", handshake.failure().orElseThrow()
                    .toString());
        }
        return handshake.orElseThrow();
    }
}
