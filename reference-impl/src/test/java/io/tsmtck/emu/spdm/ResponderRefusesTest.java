package io.tsmtck.emu.spdm;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.algorithm.AeadAlgorithm;
import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.algorithm.DheGroup;
import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.SpdmCodec;
import io.tsmtck.api.spdm.message.SpdmErrorCode;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.spdm.session.SessionError;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.spdm.RequesterConfig;
import io.tsmtck.tck.spdm.SpdmConnection;
import io.tsmtck.tck.spdm.SpdmRequester;
import io.tsmtck.tck.spdm.SpdmSession;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference responder answers a malformed, misversioned, unknown or out-of-order request with
 * SPDM ERROR and changes nothing: the genuine conversation that follows still opens a session
 * (whose transcripts would not match had the bad request left a trace). A record that does not open
 * gets ERROR(DecryptError) and ends its session; what is not for an open session gets no answer.
 */
class ResponderRefusesTest {

    private static final AlgorithmSuite SUITE = new AlgorithmSuite(HashAlgorithm.SHA_256, AsymAlgorithm.ECDSA_P256,
            DheGroup.SECP256R1, AeadAlgorithm.AES_128_GCM);
    private static final String[] STEPS = {"GET_VERSION", "GET_CAPABILITIES", "NEGOTIATE_ALGORITHMS", "GET_DIGESTS",
        "GET_CERTIFICATE", "KEY_EXCHANGE"};
    private static final int FINISH = 6;

    static Stream<Arguments> badVariants() {
        List<Arguments> all = new ArrayList<>();
        for (int step = 0; step < STEPS.length; step++) {
            // a DWORD less: one byte less would be padded back to the same DOE object when it was a zero
            all.add(Arguments.of(step, "four bytes shorter", (UnaryOperator<DoeObject>) r -> resize(r, -4),
                    SpdmErrorCode.INVALID_REQUEST));
            all.add(Arguments.of(step, "four bytes longer", (UnaryOperator<DoeObject>) r -> resize(r, 4),
                    SpdmErrorCode.INVALID_REQUEST));
            all.add(Arguments.of(step, "an unknown request code", (UnaryOperator<DoeObject>) r -> set(r, 1, 0x80),
                    SpdmErrorCode.UNSUPPORTED_REQUEST));
            if (step > 1) {
                all.add(Arguments.of(step, "another SPDM version", (UnaryOperator<DoeObject>) r -> set(r, 0, 0x11),
                        SpdmErrorCode.VERSION_MISMATCH));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} before {0}")
    @MethodSource("badVariants")
    void aBadRequestGetsErrorAndChangesNothing(int step, String what, UnaryOperator<DoeObject> variant,
                                               SpdmErrorCode expected) {
        SessionInteropTest.Device device = new SessionInteropTest.Device();
        InjectingMailbox mailbox = new InjectingMailbox(device.mailbox(), step, variant);
        SessionResult<SpdmSession> session = requester().connect(mailbox).then(SpdmConnection::openSession);
        DoeObject answer = mailbox.answerToBad().orElseThrow();
        assertThat(answer.type()).isEqualTo(DoeObject.TYPE_SPDM);
        assertThat(answer.data().get(1)).as("%s %s: answer %s", STEPS[step], what, answer.data().hex())
                .isEqualTo(0x7F);
        assertThat(answer.data().get(2)).as("error code").isEqualTo(expected.code());
        assertThat(session.isOk()).as("the genuine conversation after the bad %s: %s", STEPS[step], session).isTrue();
    }

    static Stream<Arguments> outOfOrder() {
        return Stream.of(
                Arguments.of("GET_CAPABILITIES first", capabilities(), List.of()),
                Arguments.of("NEGOTIATE_ALGORITHMS right after VERSION", negotiate(), List.of("10840000")),
                Arguments.of("GET_DIGESTS before ALGORITHMS", "12810000", List.of("10840000", capabilities())),
                Arguments.of("a second GET_CAPABILITIES", capabilities(), List.of("10840000", capabilities())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfOrder")
    void aRequestOutOfOrderIsUnexpected(String what, String request, List<String> before) throws IOException {
        SessionInteropTest.Device device = new SessionInteropTest.Device();
        InProcessMailbox mailbox = device.mailbox();
        for (String earlier : before) {
            mailbox.exchange(plain(earlier));
        }
        ByteString answer = mailbox.exchange(plain(request)).orElseThrow().data();
        assertThat(answer.get(1)).as("%s answered %s", what, answer.hex()).isEqualTo(0x7F);
        assertThat(answer.get(2)).isEqualTo(SpdmErrorCode.UNEXPECTED_REQUEST.code());
    }

    static IntStream everyByteOfTheFinishRecord() {
        return IntStream.range(0, 6 + 2 + 4 + 32 + 16);
    }

    @ParameterizedTest(name = "byte {0}")
    @MethodSource("everyByteOfTheFinishRecord")
    void aTamperedRecordGetsDecryptErrorAndEndsTheSession(int offset) {
        SessionInteropTest.Device device = new SessionInteropTest.Device();
        InjectingMailbox mailbox = new InjectingMailbox(device.mailbox(), FINISH,
                r -> TamperingMailbox.flip(r, offset, 0x04));
        SessionResult<SpdmSession> session = requester().connect(mailbox).then(SpdmConnection::openSession);
        Optional<DoeObject> answer = mailbox.answerToBad();
        if (offset < 4) {
            assertThat(answer).as("a record for an unknown session id").isEmpty();
            assertThat(session.isOk()).isTrue();
            return;
        }
        if (offset == 4 || offset == 5) {
            assertThat(answer).as("a record whose Length is wrong").isEmpty();
            assertThat(session.isOk()).isTrue();
            return;
        }
        assertThat(answer.orElseThrow().type()).isEqualTo(DoeObject.TYPE_SPDM);
        assertThat(answer.orElseThrow().data().get(2)).isEqualTo(SpdmErrorCode.DECRYPT_ERROR.code());
        assertThat(session.failure().orElseThrow().kind()).as("the genuine FINISH after the session ended")
                .isEqualTo(SessionError.Kind.TRANSPORT);
        assertThat(device.application.established).isEmpty();
    }

    @Test
    void plaintextVendorDefinedIsHandedOnWithoutASession() throws IOException {
        SessionInteropTest.Device device = new SessionInteropTest.Device();
        SpdmConnection connection = requester().connect(device.mailbox()).orElseThrow();
        assertThat(connection).isNotNull();
        InProcessMailbox mailbox = device.mailbox();
        Optional<DoeObject> answer = mailbox.exchange(plain("12fe000003000201000300000102"));
        assertThat(answer).as("TDISP outside a session: no answer").isEmpty();
        assertThat(device.application.requests).containsExactly(Optional.empty());
    }

    @Test
    void endSessionEndsItAndLaterRecordsGetNoAnswer() {
        SessionInteropTest.Device device = new SessionInteropTest.Device();
        List<DoeObject> sent = new ArrayList<>();
        SpdmSession session = requester().connect(recording(device.mailbox(), sent)).then(SpdmConnection::openSession)
                .orElseThrow();
        SpdmSessionId id = new SpdmSessionId(session.sessionId());
        assertThat(session.end().isOk()).isTrue();
        assertThat(device.application.ended).containsExactly(id);
        assertThat(device.responder.handle(sent.get(sent.size() - 1))).as("END_SESSION replayed").isEmpty();
    }

    @Test
    void getVersionEndsEverySession() throws IOException {
        SessionInteropTest.Device device = new SessionInteropTest.Device();
        SpdmConnection connection = requester().connect(device.mailbox()).orElseThrow();
        SpdmSession first = connection.openSession().orElseThrow();
        SpdmSession second = connection.openSession().orElseThrow();
        device.mailbox().exchange(plain("10840000"));
        assertThat(device.application.ended).containsExactlyInAnyOrder(new SpdmSessionId(first.sessionId()),
                new SpdmSessionId(second.sessionId()));
        assertThat(first.heartbeat().failure().orElseThrow().kind()).isEqualTo(SessionError.Kind.TRANSPORT);
    }

    @Test
    void theSessionLimitIsRefused() {
        SessionInteropTest.Device device = new SessionInteropTest.Device();
        SpdmConnection connection = requester().connect(device.mailbox()).orElseThrow();
        for (int i = 0; i < ResponderConfig.standard().maxSessions(); i++) {
            assertThat(connection.openSession().isOk()).isTrue();
        }
        SessionResult<SpdmSession> onePast = connection.openSession();
        assertThat(onePast.failure().orElseThrow().detail()).contains("SESSION_LIMIT_EXCEEDED");
    }

    private static SpdmRequester requester() {
        return new SpdmRequester(RequesterConfig.standard(DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P256).root())
                .offering(SUITE).speaking(SpdmVersion.V1_2).withCertificateChunk(4096), new SecureRandom());
    }

    private static io.tsmtck.api.device.DoeMailbox recording(io.tsmtck.api.device.DoeMailbox inner, List<DoeObject> sent) {
        return new io.tsmtck.api.device.DoeMailbox() {
            @Override
            public Optional<DoeObject> exchange(DoeObject request) throws IOException {
                sent.add(request);
                return inner.exchange(request);
            }

            @Override
            public void close() throws IOException {
                inner.close();
            }
        };
    }

    private static DoeObject plain(String hex) {
        return DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex(hex));
    }

    private static String capabilities() {
        return "12e10000" + "00000000" + "c6060000" + "00120000" + "00120000";
    }

    private static String negotiate() {
        return "12e303002c000002" + "01000000" + "01000000" + "000000000000000000000000" + "00000000"
                + "02200800" + "03200100" + "05200100";
    }

    /** The request with its SPDM message (sized by its own fields, without the DOE pad) {@code delta} bytes longer. */
    private static DoeObject resize(DoeObject request, int delta) {
        int messageSize = SpdmCodec.decode(request.data(), MessageSizes.of(SUITE), ReservedPolicy.IGNORE, 3)
                .orElseThrow().encode().size();
        byte[] message = new byte[messageSize + delta];
        System.arraycopy(request.data().toByteArray(), 0, message, 0, Math.min(message.length, messageSize));
        for (int i = messageSize; i < message.length; i++) {
            message[i] = (byte) 0xA5;
        }
        return DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.of(message));
    }

    private static DoeObject set(DoeObject request, int offset, int value) {
        byte[] data = request.data().toByteArray();
        data[offset] = (byte) value;
        return new DoeObject(request.vendorId(), request.type(), ByteString.of(data));
    }
}
