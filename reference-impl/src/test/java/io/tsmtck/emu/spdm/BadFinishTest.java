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
import io.tsmtck.api.spdm.message.ErrorResponse;
import io.tsmtck.api.spdm.message.Finish;
import io.tsmtck.api.spdm.message.KeyExchange;
import io.tsmtck.api.spdm.message.KeyExchangeRsp;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.SpdmCodec;
import io.tsmtck.api.spdm.message.SpdmErrorCode;
import io.tsmtck.api.spdm.session.HandshakeSecrets;
import io.tsmtck.api.spdm.session.KeyExchangeTranscript;
import io.tsmtck.api.spdm.session.SecureChannel;
import io.tsmtck.api.spdm.session.SecuredMessage;
import io.tsmtck.api.spdm.session.SecuredMessageOpaqueData;
import io.tsmtck.api.spdm.session.SessionRole;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.WireWriter;
import io.tsmtck.tck.spdm.RequesterConfig;
import io.tsmtck.tck.spdm.SpdmConnection;
import io.tsmtck.tck.spdm.SpdmRequester;
import java.io.IOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A requester that gets FINISH wrong, built from the session primitives: the responder answers a
 * RequesterVerifyData with any byte changed by ERROR(DecryptError) and forgets the session, so
 * not even the right FINISH after it is answered; the same steps with the right HMAC open the
 * session.
 */
class BadFinishTest {

    private static final AlgorithmSuite SUITE = new AlgorithmSuite(HashAlgorithm.SHA_256, AsymAlgorithm.ECDSA_P256,
            DheGroup.SECP256R1, AeadAlgorithm.AES_128_GCM);
    private static final MessageSizes SIZES = MessageSizes.of(SUITE);

    @Test
    void theRightFinishOpensTheSession() throws IOException {
        Handshake handshake = new Handshake();
        ByteString answer = handshake.finish(handshake.finish()).orElseThrow();
        assertThat(answer.get(1)).as("FINISH_RSP").isEqualTo(0x65);
        assertThat(handshake.device.application.established).hasSize(1);
    }

    static IntStream everyByteOfRequesterVerifyData() {
        return IntStream.range(0, SUITE.hash().size());
    }

    @ParameterizedTest(name = "byte {0}")
    @MethodSource("everyByteOfRequesterVerifyData")
    void aWrongRequesterVerifyDataGetsDecryptErrorAndEndsTheSession(int offset) throws IOException {
        Handshake handshake = new Handshake();
        Finish right = handshake.finish();
        byte[] wrong = right.verifyData().toByteArray();
        wrong[offset] ^= 0x01;
        ByteString answer = handshake.finish(new Finish(right.version(), 0, 0, ByteString.of(wrong))).orElseThrow();
        ErrorResponse error = (ErrorResponse) SpdmCodec.decode(answer, SIZES).orElseThrow();
        assertThat(error.errorCode()).isEqualTo(SpdmErrorCode.DECRYPT_ERROR.code());
        assertThat(handshake.finish(right)).as("the right FINISH after the session ended").isEmpty();
        assertThat(handshake.device.application.established).isEmpty();
    }

    /** VCA and certificates by the kit's requester, then KEY_EXCHANGE by hand. */
    private static final class Handshake {
        final SessionInteropTest.Device device = new SessionInteropTest.Device();
        final List<ByteString> plaintext = new ArrayList<>();
        final KeyExchange request;
        final KeyExchangeRsp response;
        final KeyExchangeTranscript transcript;
        final HandshakeSecrets secrets;
        final SecureChannel channel;

        Handshake() throws IOException {
            DoeMailbox mailbox = device.mailbox();
            DoeMailbox recording = new DoeMailbox() {
                @Override
                public Optional<DoeObject> exchange(DoeObject sent) throws IOException {
                    Optional<DoeObject> answer = mailbox.exchange(sent);
                    plaintext.add(exact(sent.data()));
                    answer.ifPresent(a -> plaintext.add(exact(a.data())));
                    return answer;
                }

                @Override
                public void close() {
                }
            };
            SpdmConnection connection = new SpdmRequester(RequesterConfig.standard(
                    DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P256).root()).offering(SUITE).speaking(SpdmVersion.V1_2),
                    new SecureRandom()).connect(recording).orElseThrow();
            WireWriter vca = WireWriter.littleEndian();
            plaintext.subList(0, 6).forEach(vca::bytes);
            KeyPair ephemeral = SUITE.dhe().generate(new SecureRandom());
            request = new KeyExchange(0x12, 0, 0, 0xABCD, 1, ByteString.zeros(32),
                    ByteString.of(SUITE.dhe().exchangeData(ephemeral)), SecuredMessageOpaqueData.supported(
                            SecuredMessageOpaqueData.Format.GENERAL, SecuredMessageOpaqueData.VERSIONS));
            response = (KeyExchangeRsp) SpdmCodec.decode(mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SPDM,
                    request.encode())).orElseThrow().data(), SIZES, ReservedPolicy.REJECT, 3).orElseThrow();
            transcript = new KeyExchangeTranscript(SpdmVersion.V1_2, SUITE, vca.toByteString(),
                    connection.chain().digest(SUITE.hash()));
            secrets = transcript.handshake(ByteString.of(SUITE.dhe().sharedSecret(ephemeral.getPrivate(),
                    response.exchangeData().toByteArray()).orElseThrow()), request, response);
            channel = new SecureChannel(0xABCD | (long) response.responderSessionId() << 16, SessionRole.REQUESTER,
                    transcript.schedule(), secrets);
        }

        Finish finish() {
            Finish header = new Finish(0x12, 0, 0, ByteString.EMPTY);
            return new Finish(0x12, 0, 0, transcript.requesterVerifyData(secrets, request, response, header));
        }

        /** Seals FINISH under the next handshake sequence number; the answer's application message, if any. */
        Optional<ByteString> finish(Finish finish) throws IOException {
            SecuredMessage record = channel.seal(finish.encode()).orElseThrow();
            Optional<DoeObject> answer = device.mailbox().exchange(DoeObject.wrap(DoeObject.TYPE_SECURED_SPDM,
                    record.encode()));
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            SecuredMessage sealed = SecuredMessage.decode(answer.get().data(), 3).orElseThrow();
            return Optional.of(new SecureChannel(channel.sessionId(), SessionRole.REQUESTER, transcript.schedule(),
                    secrets).open(sealed).orElseThrow());
        }

        private static ByteString exact(ByteString padded) {
            return SpdmCodec.decode(padded, SIZES, ReservedPolicy.REJECT, 3).orElseThrow().encode();
        }
    }
}
