package io.tsmtck.api.spdm.session;

import static io.tsmtck.api.spdm.session.SecuredMessageOpaqueData.Format.DMTF_TABLE;
import static io.tsmtck.api.spdm.session.SecuredMessageOpaqueData.Format.GENERAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.spdm.algorithm.AeadAlgorithm;
import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.algorithm.DheGroup;
import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.cert.SpdmCertificateChain;
import io.tsmtck.api.spdm.message.Finish;
import io.tsmtck.api.spdm.message.FinishRsp;
import io.tsmtck.api.spdm.message.KeyExchange;
import io.tsmtck.api.spdm.message.KeyExchangeRsp;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.spdm.message.SpdmCodec;
import io.tsmtck.api.wire.ByteString;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The handshake computations both ends share, fed with the decoded messages of the two recorded
 * KEY_EXCHANGE sessions: the signed message verifies with the leaf key, both verify data match, the
 * data secrets are the logged ones, and the secured-message version opaque data is encoded and read
 * as libspdm wrote it.
 */
class KeyExchangeTranscriptVectorsTest {

    private static final RecordedRun RUN = RecordedRun.p384();
    private static final AlgorithmSuite P384 = new AlgorithmSuite(HashAlgorithm.SHA_384, AsymAlgorithm.ECDSA_P384,
            DheGroup.SECP384R1, AeadAlgorithm.AES_256_GCM);
    private static final MessageSizes SIZES = MessageSizes.of(P384).withMeasurementSummary(true);

    static Stream<RecordedSession> keyExchangeSessions() {
        return RUN.session().stream().filter(json -> "key_exchange".equals(json.get("type").asText()))
                .map(json -> new RecordedSession(RUN, json));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyExchangeSessions")
    void theSharedComputationsReproduceTheSession(RecordedSession session) {
        int slot = session.json.get("slot_id").asInt();
        SpdmCertificateChain chain = SpdmCertificateChain.decode(
                RecordedRun.resource("certs/slot" + slot + "_spdm_cert_chain.bin"), HashAlgorithm.SHA_384).orElseThrow();
        KeyExchangeTranscript transcript = new KeyExchangeTranscript(SpdmVersion.V1_2, P384, RecordedSession.vca(RUN),
                chain.digest(HashAlgorithm.SHA_384));
        KeyExchange request = (KeyExchange) SpdmCodec.decode(session.exchange, SIZES).orElseThrow();
        KeyExchangeRsp response = (KeyExchangeRsp) SpdmCodec.decode(session.exchangeResponse, SIZES).orElseThrow();
        Finish finish = (Finish) SpdmCodec.decode(session.finish, SIZES).orElseThrow();
        FinishRsp finishRsp = (FinishRsp) SpdmCodec.decode(session.finishResponse, SIZES).orElseThrow();

        assertThat(AsymAlgorithm.ECDSA_P384.verify(HashAlgorithm.SHA_384, chain.leaf().getPublicKey(),
                transcript.toBeSigned(request, response), response.signature().toByteArray())).isTrue();
        HandshakeSecrets secrets = transcript.handshake(RecordedRun.hex(session.json.get("dhe_secret")), request,
                response);
        assertThat(secrets).isEqualTo(session.handshake);
        assertThat(transcript.responderVerifyData(secrets, request, response)).isEqualTo(response.verifyData());
        assertThat(transcript.requesterVerifyData(secrets, request, response, finish)).isEqualTo(finish.verifyData());
        assertThat(transcript.data(secrets, request, response, finish, finishRsp)).isEqualTo(session.data);
        assertThat(transcript.th2Hash(request, response, finish, finishRsp).hex()).as("TH2 hash, as libspdm logged it")
                .isEqualTo(session.json.get("th2_hash").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyExchangeSessions")
    void theSecuredMessageVersionsAreNegotiatedInTheOpaqueData(RecordedSession session) {
        KeyExchange request = (KeyExchange) SpdmCodec.decode(session.exchange, SIZES).orElseThrow();
        KeyExchangeRsp response = (KeyExchangeRsp) SpdmCodec.decode(session.exchangeResponse, SIZES).orElseThrow();
        assertThat(SecuredMessageOpaqueData.readSupported(GENERAL, request.opaque()).orElseThrow())
                .isEqualTo(List.of(0x1000, 0x1100, 0x1200));
        assertThat(SecuredMessageOpaqueData.readSelection(GENERAL, response.opaque()).orElseThrow())
                .isEqualTo(0x1200);
        assertThat(SecuredMessageOpaqueData.supported(GENERAL, SecuredMessageOpaqueData.VERSIONS))
                .isEqualTo(request.opaque());
        assertThat(SecuredMessageOpaqueData.selection(GENERAL, 0x1200)).isEqualTo(response.opaque());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyExchangeSessions")
    void aSelectionIsNotASupportedListAndTheOtherWayRound(RecordedSession session) {
        KeyExchange request = (KeyExchange) SpdmCodec.decode(session.exchange, SIZES).orElseThrow();
        KeyExchangeRsp response = (KeyExchangeRsp) SpdmCodec.decode(session.exchangeResponse, SIZES).orElseThrow();
        assertThat(SecuredMessageOpaqueData.readSelection(GENERAL, request.opaque()).isDecoded()).isFalse();
        assertThat(SecuredMessageOpaqueData.readSupported(GENERAL, response.opaque()).isDecoded()).isFalse();
        assertThat(SecuredMessageOpaqueData.readSupported(DMTF_TABLE,
                SecuredMessageOpaqueData.supported(DMTF_TABLE, List.of(0x1100))).orElseThrow())
                .isEqualTo(List.of(0x1100));
        assertThat(SecuredMessageOpaqueData.readSupported(DMTF_TABLE, request.opaque()).isDecoded())
                .as("the 1.2 format read as 1.1").isFalse();
    }
}
