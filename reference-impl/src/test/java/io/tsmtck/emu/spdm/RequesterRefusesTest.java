package io.tsmtck.emu.spdm;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.algorithm.AeadAlgorithm;
import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.algorithm.DheGroup;
import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.session.SessionError;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.spdm.RequesterConfig;
import io.tsmtck.tck.spdm.SpdmConnection;
import io.tsmtck.tck.spdm.SpdmRequester;
import io.tsmtck.tck.spdm.SpdmSession;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit's requester refuses, with a typed error naming what was wrong, every answer a broken or
 * hostile responder could give: any byte of KEY_EXCHANGE_RSP changed, a chain that does not end at
 * the trust anchor or has expired, a signing key that is not the leaf's, an algorithm it did not
 * offer, a message out of order, and any tampered, replayed, dropped or misaddressed record. A
 * session that failed sends nothing more. One suite (P-256, SHA-256, AES-128-GCM, SPDM 1.2) keeps
 * the byte sweeps fast; exchange numbers count the requester's DOE objects from GET_VERSION (0).
 */
class RequesterRefusesTest {

    private static final AlgorithmSuite SUITE = new AlgorithmSuite(HashAlgorithm.SHA_256, AsymAlgorithm.ECDSA_P256,
            DheGroup.SECP256R1, AeadAlgorithm.AES_128_GCM);
    private static final int ALGORITHMS = 2;
    private static final int KEY_EXCHANGE = 5;
    private static final int FINISH = 6;
    private static final int FIRST_APPLICATION = 7;
    /** KEY_EXCHANGE_RSP for this suite: 40 fixed bytes, exchange data 64, opaque 2 + 12, signature 64, verify data 32. */
    private static final int KEY_EXCHANGE_RSP_SIZE = 214;
    private static final int SIGNATURE_AT = 118;
    private static final int VERIFY_DATA_AT = 182;

    static IntStream everyByteOfKeyExchangeRsp() {
        return IntStream.range(0, KEY_EXCHANGE_RSP_SIZE);
    }

    @ParameterizedTest(name = "byte {0}")
    @MethodSource("everyByteOfKeyExchangeRsp")
    void anyChangedByteOfKeyExchangeRspRefusesTheSession(int offset) {
        SessionResult<SpdmSession> session = connect(device(), config(), exchanges -> TamperingMailbox.answers(exchanges,
                KEY_EXCHANGE, answer -> answer.map(a -> TamperingMailbox.flip(a, offset, 0x10))))
                .then(SpdmConnection::openSession);
        assertThat(session.failure()).as("KEY_EXCHANGE_RSP with byte %d changed", offset).isPresent();
        if (offset >= SIGNATURE_AT && offset < VERIFY_DATA_AT) {
            assertThat(session.failure().orElseThrow().kind()).isEqualTo(SessionError.Kind.BAD_SIGNATURE);
        } else if (offset >= VERIFY_DATA_AT) {
            assertThat(session.failure().orElseThrow().kind()).isEqualTo(SessionError.Kind.BAD_VERIFY_DATA);
        }
    }

    static IntStream everyByteOfChallengeAuth() {
        return IntStream.range(0, 4 + 32 + 32 + 2 + 64);
    }

    @ParameterizedTest(name = "byte {0}")
    @MethodSource("everyByteOfChallengeAuth")
    void anyChangedByteOfChallengeAuthFailsTheChallenge(int offset) {
        int challenge = KEY_EXCHANGE + 1; // after connect, CHALLENGE follows a GET_DIGESTS of its own
        SpdmConnection connection = connect(device(), config(), exchanges -> TamperingMailbox.answers(exchanges,
                challenge, answer -> answer.map(a -> TamperingMailbox.flip(a, offset, 0x02)))).orElseThrow();
        SessionResult<?> auth = connection.challenge();
        assertThat(auth.failure()).as("CHALLENGE_AUTH with byte %d changed", offset).isPresent();
        if (offset >= 4 + 32 + 32 + 2) {
            assertThat(auth.failure().orElseThrow().kind()).isEqualTo(SessionError.Kind.BAD_SIGNATURE);
        }
    }

    @Test
    void aChainFromAnotherRootIsUntrusted() {
        X509Certificate other = DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P384).root();
        SessionResult<SpdmConnection> connection = connect(device(), config().trusting(other), m -> m);
        assertThat(connection.failure().orElseThrow().kind()).isEqualTo(SessionError.Kind.UNTRUSTED_CHAIN);
        assertThat(connection.failure().orElseThrow().detail()).contains("trust anchor");
    }

    @Test
    void anExpiredChainIsUntrusted() {
        Clock late = Clock.fixed(Instant.parse("2200-01-01T00:00:00Z"), ZoneOffset.UTC);
        SessionResult<SpdmConnection> connection = connect(device(), config().at(late), m -> m);
        assertThat(connection.failure().orElseThrow().detail()).contains("expired");
    }

    @Test
    void aChainWhoseLinksDoNotSignEachOtherIsUntrusted() {
        DeviceIdentity p256 = DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P256);
        DeviceIdentity p384 = DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P384);
        List<X509Certificate> mixed = List.of(p256.root(), p384.chain(HashAlgorithm.SHA_256).parsed().get(1),
                p256.chain(HashAlgorithm.SHA_256).leaf());
        SpdmResponder responder = new SpdmResponder(ResponderConfig.standard(),
                List.of(new DeviceIdentity(AsymAlgorithm.ECDSA_P256, mixed, p256.key())), new EchoApplication(),
                new SecureRandom());
        SessionResult<SpdmConnection> connection = connect(responder, config(), m -> m);
        assertThat(connection.failure().orElseThrow().kind()).isEqualTo(SessionError.Kind.UNTRUSTED_CHAIN);
    }

    @Test
    void aSigningKeyThatIsNotTheLeafsIsRefused() {
        DeviceIdentity p256 = DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P256);
        DeviceIdentity impostor = new DeviceIdentity(AsymAlgorithm.ECDSA_P256,
                p256.chain(HashAlgorithm.SHA_256).parsed(),
                AsymAlgorithm.ECDSA_P256.generateKeyPair(new SecureRandom()).getPrivate());
        SpdmResponder responder = new SpdmResponder(ResponderConfig.standard(), List.of(impostor),
                new EchoApplication(), new SecureRandom());
        SessionResult<SpdmSession> session = connect(responder, config(), m -> m).then(SpdmConnection::openSession);
        assertThat(session.failure().orElseThrow().kind()).isEqualTo(SessionError.Kind.BAD_SIGNATURE);
    }

    /** BaseHashSel SHA-384, BaseAsymSel P-384, DHE secp384r1, AEAD AES-256-GCM, a key schedule other than SPDM's. */
    @Test
    void anAlgorithmThatWasNotOfferedIsRefused() {
        for (int[] change : new int[][] {{16, 1}, {12, 7}, {38, 4}, {42, 1}, {46, 1}}) {
            SessionResult<SpdmConnection> connection = connect(device(), config(), exchanges ->
                    TamperingMailbox.answers(exchanges, ALGORITHMS, answer -> answer.map(a -> select(a, change))));
            assertThat(connection.failure()).as("ALGORITHMS byte %d set to bit %d", change[0], change[1]).isPresent();
            assertThat(connection.failure().orElseThrow().kind()).isEqualTo(SessionError.Kind.NEGOTIATION_FAILED);
        }
    }

    @Test
    void inSpdm13DigestsMustSupportTheSlotsItProvisions() {
        SessionResult<SpdmConnection> connection = connect(device(), config().speaking(SpdmVersion.V1_3), exchanges ->
                TamperingMailbox.answers(exchanges, 3, answer -> answer.map(a -> select(a, new int[] {2, 1}))));
        assertThat(connection.failure().orElseThrow().detail()).contains("SupportedSlotMask");
    }

    @Test
    void aResponseNotReadyWaitBeyondTheKitsBoundIsRefused() {
        DoeObject notReady = DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex("127f4200 28810101"));
        SessionResult<SpdmConnection> connection = connect(device(), config(), exchanges ->
                TamperingMailbox.answers(exchanges, 3, answer -> Optional.of(notReady)));
        assertThat(connection.failure().orElseThrow().detail()).contains("RDTExponent 40");
    }

    @Test
    void aDeviceThatIsNeverReadyIsGivenUpOn() {
        DoeObject notReady = DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex("127f4200 00810101"));
        SessionResult<SpdmConnection> connection = connect(device(), config(), exchanges -> new DoeMailbox() {
            private int count;

            @Override
            public Optional<DoeObject> exchange(DoeObject request) throws java.io.IOException {
                return count++ >= 3 ? Optional.of(notReady) : exchanges.exchange(request);
            }

            @Override
            public void close() {
            }
        });
        assertThat(connection.failure().orElseThrow().detail()).contains("still not ready after 8 RESPOND_IF_READY");
    }

    @Test
    void aResponseOutOfOrderIsRefused() {
        DoeObject version = DoeObject.wrap(DoeObject.TYPE_SPDM, ByteString.ofHex("10040000 00 02 0012 0013"));
        SessionResult<SpdmConnection> connection = connect(device(), config(), exchanges ->
                TamperingMailbox.answers(exchanges, 1, answer -> Optional.of(version)));
        assertThat(connection.failure().orElseThrow().kind()).isEqualTo(SessionError.Kind.UNEXPECTED_MESSAGE);
        assertThat(connection.failure().orElseThrow().detail()).contains("GET_CAPABILITIES", "VERSION");
    }

    static IntStream everyByteOfTheFinishRspRecord() {
        return IntStream.range(0, 6 + 2 + 4 + 16);
    }

    @ParameterizedTest(name = "byte {0}")
    @MethodSource("everyByteOfTheFinishRspRecord")
    void aTamperedFinishRspRecordRefusesTheSession(int offset) {
        SessionResult<SpdmSession> session = connect(device(), config(), exchanges -> TamperingMailbox.answers(
                exchanges, FINISH, answer -> answer.map(a -> TamperingMailbox.flip(a, offset, 0x01))))
                .then(SpdmConnection::openSession);
        assertThat(session.failure()).as("FINISH_RSP record with byte %d changed", offset).isPresent();
        assertThat(session.failure().orElseThrow().kind()).isIn(SessionError.Kind.AUTHENTICATION_FAILED,
                SessionError.Kind.UNKNOWN_SESSION, SessionError.Kind.MALFORMED);
    }

    @Test
    void aTamperedApplicationAnswerEndsTheSession() {
        SpdmSession session = openWith(exchanges -> TamperingMailbox.answers(exchanges, FIRST_APPLICATION,
                answer -> answer.map(a -> TamperingMailbox.flip(a, 10, 0x80))));
        SessionResult<ByteString> answer = session.send(echoRequest());
        assertThat(answer.failure().orElseThrow().kind()).isEqualTo(SessionError.Kind.AUTHENTICATION_FAILED);
        assertThat(session.isOpen()).isFalse();
        assertThat(session.send(echoRequest()).failure().orElseThrow().kind())
                .isEqualTo(SessionError.Kind.SESSION_ENDED);
    }

    @Test
    void aReplayedAnswerEndsTheSession() {
        Replay replay = new Replay(FIRST_APPLICATION, FIRST_APPLICATION + 1);
        SpdmSession session = openWith(replay::around);
        assertThat(session.send(echoRequest()).isOk()).isTrue();
        assertThat(session.send(echoRequest()).failure().orElseThrow().kind())
                .isEqualTo(SessionError.Kind.AUTHENTICATION_FAILED);
        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void anAnswerForAnotherSessionIdEndsTheSession() {
        SpdmSession session = openWith(exchanges -> TamperingMailbox.answers(exchanges, FIRST_APPLICATION,
                answer -> answer.map(a -> TamperingMailbox.flip(a, 3, 0x01))));
        assertThat(session.send(echoRequest()).failure().orElseThrow().kind())
                .isEqualTo(SessionError.Kind.UNKNOWN_SESSION);
        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void aDroppedAnswerIsATransportFailure() {
        SpdmSession session = openWith(exchanges -> TamperingMailbox.answers(exchanges, FIRST_APPLICATION,
                answer -> Optional.empty()));
        assertThat(session.send(echoRequest()).failure().orElseThrow().kind()).isEqualTo(SessionError.Kind.TRANSPORT);
    }

    private SpdmSession openWith(java.util.function.UnaryOperator<DoeMailbox> tamper) {
        return connect(device(), config(), tamper).then(SpdmConnection::openSession).orElseThrow();
    }

    private static DoeObject select(DoeObject algorithms, int[] change) {
        byte[] data = algorithms.data().toByteArray();
        data[change[0]] = (byte) (1 << change[1]);
        return new DoeObject(algorithms.vendorId(), algorithms.type(), ByteString.of(data));
    }

    private static ByteString echoRequest() {
        return ByteString.ofHex("12fe000003000201000300000102");
    }

    private static SpdmResponder device() {
        return new SessionInteropTest.Device().responder;
    }

    private static RequesterConfig config() {
        return RequesterConfig.standard(DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P256).root()).offering(SUITE)
                .speaking(SpdmVersion.V1_2).withCertificateChunk(4096);
    }

    private static SessionResult<SpdmConnection> connect(SpdmResponder responder, RequesterConfig config,
                                                         java.util.function.UnaryOperator<DoeMailbox> tamper) {
        return new SpdmRequester(config, new SecureRandom()).connect(tamper.apply(new InProcessMailbox(responder)));
    }

    /** Answers exchange {@code to} with the answer of exchange {@code from}. */
    private static final class Replay {
        private final int from;
        private final int to;
        private Optional<DoeObject> recorded = Optional.empty();

        Replay(int from, int to) {
            this.from = from;
            this.to = to;
        }

        DoeMailbox around(DoeMailbox inner) {
            return TamperingMailbox.answers(TamperingMailbox.answers(inner, from, answer -> {
                recorded = answer;
                return answer;
            }), to, answer -> recorded);
        }
    }
}
