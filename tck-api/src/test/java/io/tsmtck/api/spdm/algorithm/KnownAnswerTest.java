package io.tsmtck.api.spdm.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.spdm.session.Hkdf;
import io.tsmtck.api.wire.ByteString;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The primitives the recorded session does not reach, against their published vectors (HKDF: RFC
 * 5869 A.1; ChaCha20-Poly1305: RFC 8439 2.8.2), and the checks on what a peer sends (points off the
 * curve, altered signatures, altered records).
 */
class KnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void hkdfSha256MatchesRfc5869CaseOne() {
        byte[] prk = Hkdf.extract(HashAlgorithm.SHA_256, HEX.parseHex("000102030405060708090a0b0c"),
                HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"));
        assertThat(HEX.formatHex(prk)).isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        byte[] okm = Hkdf.expand(HashAlgorithm.SHA_256, prk, HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertThat(HEX.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                + "34007208d5b887185865");
    }

    @Test
    void chacha20Poly1305MatchesRfc8439() {
        byte[] key = HEX.parseHex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        byte[] iv = HEX.parseHex("070000004041424344454647");
        byte[] aad = HEX.parseHex("50515253c0c1c2c3c4c5c6c7");
        byte[] plaintext = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the "
                + "future, sunscreen would be it.").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] sealed = AeadAlgorithm.CHACHA20_POLY1305.seal(key, iv, aad, plaintext);
        assertThat(HEX.formatHex(Arrays.copyOfRange(sealed, sealed.length - 16, sealed.length)))
                .isEqualTo("1ae10b594f09e26a7e902ecbd0600691");
        assertThat(HEX.formatHex(Arrays.copyOf(sealed, 16))).isEqualTo("d31a8d34648e60db7b86afbc53ef7ec2");
        assertThat(AeadAlgorithm.CHACHA20_POLY1305.open(key, iv, aad, sealed)).hasValueSatisfying(
                opened -> assertThat(opened).isEqualTo(plaintext));
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void anyAlteredByteOfASealedRecordDoesNotOpen(AeadAlgorithm aead) {
        byte[] key = new byte[aead.keySize()];
        byte[] iv = new byte[AeadAlgorithm.IV_SIZE];
        byte[] aad = {1, 2, 3, 4, 5, 6};
        byte[] sealed = aead.seal(key, iv, aad, new byte[20]);
        for (int i = 0; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x20;
            assertThat(aead.open(key, iv, aad, altered)).as("%s byte %d", aead, i).isEmpty();
        }
        byte[] otherAad = aad.clone();
        otherAad[5] ^= 1;
        assertThat(aead.open(key, iv, otherAad, sealed)).isEmpty();
        assertThat(aead.open(key, iv, aad, Arrays.copyOf(sealed, 15))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DheGroup.class)
    void bothEndsAgreeAndAPointOffTheCurveIsRefused(DheGroup group) {
        SecureRandom random = new SecureRandom();
        KeyPair a = group.generate(random);
        KeyPair b = group.generate(random);
        byte[] ab = group.sharedSecret(a.getPrivate(), group.exchangeData(b)).orElseThrow();
        assertThat(group.sharedSecret(b.getPrivate(), group.exchangeData(a))).hasValueSatisfying(
                ba -> assertThat(ba).isEqualTo(ab));
        assertThat(ab).hasSize(group.exchangeDataSize() / 2);
        byte[] offCurve = group.exchangeData(b);
        offCurve[offCurve.length - 1] ^= 1;
        assertThat(group.sharedSecret(a.getPrivate(), offCurve)).isEmpty();
        assertThat(group.sharedSecret(a.getPrivate(), Arrays.copyOf(offCurve, offCurve.length - 1))).isEmpty();
        byte[] outOfRange = new byte[group.exchangeDataSize()];
        Arrays.fill(outOfRange, (byte) 0xFF);
        assertThat(group.sharedSecret(a.getPrivate(), outOfRange)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(AsymAlgorithm.class)
    void aSignatureVerifiesOnlyForItsMessageKeyAndHash(AsymAlgorithm asym) {
        SecureRandom random = new SecureRandom();
        KeyPair key = asym.generateKeyPair(random);
        byte[] message = ByteString.ofHex("0102030405").toByteArray();
        for (HashAlgorithm hash : HashAlgorithm.values()) {
            byte[] signature = asym.sign(hash, key.getPrivate(), message, random);
            assertThat(signature).hasSize(asym.signatureSize());
            assertThat(asym.verify(hash, key.getPublic(), message, signature)).isTrue();
            assertThat(asym.verify(hash, asym.generateKeyPair(random).getPublic(), message, signature)).isFalse();
            assertThat(asym.verify(hash, key.getPublic(), new byte[] {1, 2, 3, 4, 6}, signature)).isFalse();
            HashAlgorithm other = hash == HashAlgorithm.SHA_256 ? HashAlgorithm.SHA_384 : HashAlgorithm.SHA_256;
            assertThat(asym.verify(other, key.getPublic(), message, signature)).as("verified with %s", other).isFalse();
            assertThat(asym.verify(hash, key.getPublic(), message, Arrays.copyOf(signature, signature.length - 1)))
                    .isFalse();
        }
    }
}
