package io.tsmtck.api.spdm.algorithm;

import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AEAD cipher suite of NEGOTIATE_ALGORITHMS (DSP0274 AlgType 3) that protects secured messages
 * (DSP0277): 12-byte IV, 16-byte tag.
 */
public enum AeadAlgorithm implements AlgorithmBit {
    AES_128_GCM(1 << 0, 16),
    AES_256_GCM(1 << 1, 32),
    CHACHA20_POLY1305(1 << 2, 32);

    /** IV size of every suite here. */
    public static final int IV_SIZE = 12;
    /** Tag size of every suite here. */
    public static final int TAG_SIZE = 16;

    private final int bit;
    private final int keySize;

    AeadAlgorithm(int bit, int keySize) {
        this.bit = bit;
        this.keySize = keySize;
    }

    @Override
    public long bit() {
        return bit;
    }

    /** The key size in bytes. */
    public int keySize() {
        return keySize;
    }

    /** {@code ciphertext ‖ tag} of {@code plaintext}. */
    public byte[] seal(byte[] key, byte[] iv, byte[] aad, byte[] plaintext) {
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv);
            cipher.updateAAD(aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot seal with " + this + ": " + e.getMessage(), e);
        }
    }

    /** The plaintext of {@code ciphertext ‖ tag}, or empty if the tag does not verify. */
    public Optional<byte[]> open(byte[] key, byte[] iv, byte[] aad, byte[] sealed) {
        if (sealed.length < TAG_SIZE) {
            return Optional.empty();
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, iv);
            cipher.updateAAD(aad);
            return Optional.of(cipher.doFinal(sealed));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot open with " + this + ": " + e.getMessage(), e);
        }
    }

    private Cipher cipher(int mode, byte[] key, byte[] iv) throws GeneralSecurityException {
        if (key.length != keySize || iv.length != IV_SIZE) {
            throw new IllegalArgumentException(this + " needs a " + keySize + "-byte key and a " + IV_SIZE
                    + "-byte IV, got " + key.length + " and " + iv.length);
        }
        boolean chacha = this == CHACHA20_POLY1305;
        Cipher cipher = Cipher.getInstance(chacha ? "ChaCha20-Poly1305" : "AES/GCM/NoPadding");
        AlgorithmParameterSpec spec = chacha ? new IvParameterSpec(iv) : new GCMParameterSpec(8 * TAG_SIZE, iv);
        cipher.init(mode, new SecretKeySpec(key, chacha ? "ChaCha20" : "AES"), spec);
        return cipher;
    }
}
