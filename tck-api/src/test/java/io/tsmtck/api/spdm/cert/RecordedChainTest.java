package io.tsmtck.api.spdm.cert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.session.SessionError;
import io.tsmtck.api.spdm.session.SessionResult;
import io.tsmtck.api.spdm.session.SignedMessages;
import io.tsmtck.api.wire.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two certificate chains of the recorded spdm-emu run (slots 0 and 1, libspdm's ECP384 sample
 * chains): decoded from CERTIFICATE's format, hashed to the DIGESTS entries, validated against each
 * slot's root and refused against the other's, and their leaf key verifies the KEY_EXCHANGE_RSP
 * signature of the session opened on that slot.
 */
class RecordedChainTest {

    private static final String BASE = "/io/tsmtck/api/spdm/session/P384/";
    private static final Instant RECORDED = Instant.parse("2026-12-01T00:00:00Z");
    private static final JsonNode KEYS = json("keys.json");

    @ParameterizedTest(name = "slot {0}")
    @ValueSource(ints = {0, 1})
    void theChainDecodesAndHashesToItsDigestsEntry(int slot) {
        SpdmCertificateChain chain = chain(slot);
        assertThat(chain.certificates()).hasSize(3);
        assertThat(chain.encode()).isEqualTo(resource("certs/slot" + slot + "_spdm_cert_chain.bin"));
        assertThat(chain.digest(HashAlgorithm.SHA_384).hex()).isEqualTo(KEYS.get("digests").get("" + slot).asText());
        assertThat(chain.rootHash().hex()).isEqualTo(
                KEYS.get("certificates").get("slot" + slot).get("root_hash_hex").asText());
    }

    @ParameterizedTest(name = "slot {0}")
    @ValueSource(ints = {0, 1})
    void theChainValidatesAgainstItsOwnRootOnly(int slot) {
        SessionResult<X509Certificate> own = new ChainValidator(root(slot)).validate(chain(slot),
                HashAlgorithm.SHA_384, RECORDED);
        assertThat(own.isOk()).as("%s", own).isTrue();
        assertThat(own.orElseThrow().getSubjectX500Principal().getName()).contains("responder cert");
        SessionResult<X509Certificate> other = new ChainValidator(root(1 - slot)).validate(chain(slot),
                HashAlgorithm.SHA_384, RECORDED);
        assertThat(other.failure().orElseThrow().kind()).isEqualTo(SessionError.Kind.UNTRUSTED_CHAIN);
    }

    @ParameterizedTest(name = "slot {0}")
    @ValueSource(ints = {0, 1})
    void anExpiredChainIsRefused(int slot) {
        SessionResult<X509Certificate> late = new ChainValidator(root(slot)).validate(chain(slot),
                HashAlgorithm.SHA_384, Instant.parse("2040-01-01T00:00:00Z"));
        assertThat(late.failure().orElseThrow().detail()).contains("expired");
    }

    @ParameterizedTest(name = "slot {0}")
    @ValueSource(ints = {0, 1})
    void aWrongRootHashIsRefused(int slot) {
        SpdmCertificateChain chain = chain(slot);
        byte[] hash = chain.rootHash().toByteArray();
        hash[hash.length - 1] ^= 1;
        SpdmCertificateChain forged = new SpdmCertificateChain(ByteString.of(hash), chain.certificates());
        assertThat(new ChainValidator(root(slot)).validate(forged, HashAlgorithm.SHA_384, RECORDED)
                .failure().orElseThrow().detail()).contains("RootHash");
    }

    @ParameterizedTest(name = "slot {0}")
    @ValueSource(ints = {0, 1})
    void aChainWithoutItsIntermediateIsRefused(int slot) {
        SpdmCertificateChain chain = chain(slot);
        SpdmCertificateChain gap = new SpdmCertificateChain(chain.rootHash(),
                List.of(chain.certificates().get(0), chain.certificates().get(2)));
        assertThat(new ChainValidator(root(slot)).validate(gap, HashAlgorithm.SHA_384, RECORDED).isOk()).isFalse();
    }

    @ParameterizedTest(name = "session {0}")
    @ValueSource(ints = {0, 2})
    void theLeafKeyVerifiesTheKeyExchangeSignatureAndNoAlteredOne(int session) {
        JsonNode json = KEYS.get("sessions").get(session);
        int slot = json.get("slot_id").asInt();
        byte[] response = ByteString.ofHex(json.get("exchange_response_hex").asText()).toByteArray();
        int signatureAt = response.length - 48 - 96;
        byte[] signature = java.util.Arrays.copyOfRange(response, signatureAt, signatureAt + 96);
        byte[] transcript = concat(vca(), chain(slot).digest(HashAlgorithm.SHA_384).toByteArray(),
                ByteString.ofHex(json.get("exchange_request_hex").asText()).toByteArray(),
                java.util.Arrays.copyOf(response, signatureAt));
        byte[] signed = SignedMessages.toBeSigned(SpdmVersion.V1_2, HashAlgorithm.SHA_384,
                SignedMessages.KEY_EXCHANGE_RSP, transcript);
        var key = chain(slot).leaf().getPublicKey();
        assertThat(AsymAlgorithm.ECDSA_P384.verify(HashAlgorithm.SHA_384, key, signed, signature)).isTrue();
        for (int i = 0; i < signature.length; i++) {
            byte[] altered = signature.clone();
            altered[i] ^= 0x40;
            assertThat(AsymAlgorithm.ECDSA_P384.verify(HashAlgorithm.SHA_384, key, signed, altered))
                    .as("signature byte %d altered", i).isFalse();
        }
        byte[] otherTranscript = transcript.clone();
        otherTranscript[otherTranscript.length - 1] ^= 1;
        assertThat(AsymAlgorithm.ECDSA_P384.verify(HashAlgorithm.SHA_384, key, SignedMessages.toBeSigned(
                SpdmVersion.V1_2, HashAlgorithm.SHA_384, SignedMessages.KEY_EXCHANGE_RSP, otherTranscript), signature))
                .isFalse();
    }

    static SpdmCertificateChain chain(int slot) {
        return SpdmCertificateChain.decode(resource("certs/slot" + slot + "_spdm_cert_chain.bin"),
                HashAlgorithm.SHA_384).orElseThrow();
    }

    static X509Certificate root(int slot) {
        return Certificates.parse(resource(slot == 0 ? "certs/slot0_root_ca.cert.der" : "certs/slot1_root_ca1.cert.der"))
                .orElseThrow();
    }

    private static byte[] vca() {
        return ByteString.ofHex(KEYS.get("vca_transcript_hex").asText()).toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            buffer.writeBytes(part);
        }
        return buffer.toByteArray();
    }

    static ByteString resource(String name) {
        try (InputStream in = RecordedChainTest.class.getResourceAsStream(BASE + name)) {
            return ByteString.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String name) {
        try {
            return new ObjectMapper().readTree(resource(name).toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
