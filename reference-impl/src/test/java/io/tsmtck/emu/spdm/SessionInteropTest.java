package io.tsmtck.emu.spdm;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.RequestResponseCode;
import io.tsmtck.api.spdm.message.SpdmCodec;
import io.tsmtck.api.spdm.message.VendorDefined;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.tck.spdm.RequesterConfig;
import io.tsmtck.tck.spdm.SpdmConnection;
import io.tsmtck.tck.spdm.SpdmRequester;
import io.tsmtck.tck.spdm.SpdmSession;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit's requester and the reference responder open a secured session with every algorithm
 * suite both implement, in SPDM 1.1, 1.2 and 1.3, after authenticating the device with CHALLENGE,
 * and use it: an application message each way, HEARTBEAT, KEY_UPDATE of one and of both
 * directions, END_SESSION. The certificate chain is read in portions of any size, and a responder
 * that first answers ResponseNotReady is waited for with RESPOND_IF_READY.
 */
class SessionInteropTest {

    private static final AlgorithmSuite P256 = new AlgorithmSuite(io.tsmtck.api.spdm.algorithm.HashAlgorithm.SHA_256,
            AsymAlgorithm.ECDSA_P256, io.tsmtck.api.spdm.algorithm.DheGroup.SECP256R1,
            io.tsmtck.api.spdm.algorithm.AeadAlgorithm.AES_128_GCM);

    static Stream<Arguments> suitesAndVersions() {
        List<Arguments> all = new ArrayList<>();
        for (SpdmVersion version : List.of(SpdmVersion.V1_1, SpdmVersion.V1_2, SpdmVersion.V1_3)) {
            for (AlgorithmSuite suite : AlgorithmSuite.all()) {
                all.add(Arguments.of(version, suite));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("suitesAndVersions")
    void aSessionOpensCarriesMessagesUpdatesKeysAndEnds(SpdmVersion version, AlgorithmSuite suite) {
        Device device = new Device();
        SpdmRequester requester = new SpdmRequester(RequesterConfig.standard(device.root(suite.asym()))
                .offering(suite).speaking(version), new SecureRandom());
        SpdmConnection connection = requester.connect(device.mailbox()).orElseThrow();
        assertThat(connection.version()).isEqualTo(version);
        assertThat(connection.suite()).isEqualTo(suite);

        assertThat(connection.challenge().isOk()).as("CHALLENGE").isTrue();
        assertThat(connection.challenge().isOk()).as("a second CHALLENGE, message B now empty").isTrue();
        SpdmSession session = connection.openSession().orElseThrow();
        assertThat(device.application.established).containsExactly(new SpdmSessionId(session.sessionId()));
        assertThat(echo(session, version, "0102030405")).isEqualTo(ByteString.ofHex("0504030201"));
        assertThat(session.heartbeat().isOk()).isTrue();
        assertThat(session.updateKeys(false, 7).isOk()).as("KEY_UPDATE UpdateKey").isTrue();
        assertThat(echo(session, version, "aabb")).isEqualTo(ByteString.ofHex("bbaa"));
        assertThat(session.updateKeys(true, 9).isOk()).as("KEY_UPDATE UpdateAllKeys").isTrue();
        assertThat(echo(session, version, "c0ffee")).isEqualTo(ByteString.ofHex("eeffc0"));
        assertThat(device.application.requests).containsOnly(Optional.of(new SpdmSessionId(session.sessionId())));
        assertThat(session.end().isOk()).isTrue();
        assertThat(session.isOpen()).isFalse();
        assertThat(device.application.ended).containsExactly(new SpdmSessionId(session.sessionId()));
    }

    @ParameterizedTest(name = "portions of {0} bytes")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 7, 64, 255, 1000, 1361, 1362, 4096, 65535})
    void theChainIsReadInPortionsOfAnySize(int chunk) {
        Device device = new Device();
        SpdmRequester requester = new SpdmRequester(RequesterConfig.standard(device.root(AsymAlgorithm.ECDSA_P256))
                .offering(P256).withCertificateChunk(chunk), new SecureRandom());
        SpdmConnection connection = requester.connect(device.mailbox()).orElseThrow();
        assertThat(connection.chain().encode().size()).isEqualTo(
                DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P256).chain(P256.hash()).encode().size());
        assertThat(connection.challenge().isOk()).as("message B holds every portion").isTrue();
    }

    @ParameterizedTest(name = "{0} answered ResponseNotReady first")
    @org.junit.jupiter.params.provider.EnumSource(value = RequestResponseCode.class, names = {"GET_VERSION",
        "GET_CAPABILITIES", "NEGOTIATE_ALGORITHMS", "GET_DIGESTS", "GET_CERTIFICATE", "CHALLENGE", "KEY_EXCHANGE"})
    void aResponseNotReadyIsCollectedWithRespondIfReady(RequestResponseCode slow) {
        Device device = new Device(ResponderConfig.standard().withNotReady(java.util.Set.of(slow)));
        SpdmRequester requester = new SpdmRequester(RequesterConfig.standard(device.root(AsymAlgorithm.ECDSA_P256))
                .offering(P256), new SecureRandom());
        SpdmConnection connection = requester.connect(device.mailbox()).orElseThrow();
        assertThat(connection.challenge().isOk()).isTrue();
        assertThat(connection.openSession().orElseThrow().end().isOk()).isTrue();
    }

    static ByteString echo(SpdmSession session, SpdmVersion version, String payloadHex) {
        VendorDefined request = new VendorDefined(version.code(), true, false, 3, ByteString.ofHex("0100"),
                ByteString.ofHex(payloadHex));
        SessionResult<ByteString> answer = session.send(request.encode());
        return ((VendorDefined) SpdmCodec.decode(answer.orElseThrow(), MessageSizes.none()).orElseThrow()).payload();
    }

    /** A reference responder with both identities and an echo application. */
    static final class Device {
        final EchoApplication application = new EchoApplication();
        final SpdmResponder responder;

        Device() {
            this(ResponderConfig.standard());
        }

        Device(ResponderConfig config) {
            responder = new SpdmResponder(config, List.of(DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P256),
                    DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P384)), application, new SecureRandom());
        }

        InProcessMailbox mailbox() {
            return new InProcessMailbox(responder);
        }

        java.security.cert.X509Certificate root(AsymAlgorithm asym) {
            return DeviceIdentity.builtIn(asym).root();
        }
    }
}
