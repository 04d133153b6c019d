package io.tsmtck.emu.bench;

import io.tsmtck.api.spdm.algorithm.AeadAlgorithm;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The JDK's AEAD used directly: the baseline of record protection. */
final class RawAead {

    private RawAead() {
    }

    /** Seals {@code size} bytes under a fresh IV and opens them again, with a new Cipher each way. */
    static byte[] sealAndOpen(AeadAlgorithm aead, int nonce, int size) throws GeneralSecurityException {
        byte[] key = new byte[aead.keySize()];
        byte[] iv = new byte[AeadAlgorithm.IV_SIZE];
        iv[0] = (byte) nonce;
        iv[1] = (byte) (nonce >> 8);
        byte[] sealed = cipher(aead, Cipher.ENCRYPT_MODE, key, iv).doFinal(new byte[size]);
        return cipher(aead, Cipher.DECRYPT_MODE, key, iv).doFinal(sealed);
    }

    private static Cipher cipher(AeadAlgorithm aead, int mode, byte[] key, byte[] iv) throws GeneralSecurityException {
        boolean chacha = aead == AeadAlgorithm.CHACHA20_POLY1305;
        Cipher cipher = Cipher.getInstance(chacha ? "ChaCha20-Poly1305" : "AES/GCM/NoPadding");
        AlgorithmParameterSpec spec = chacha ? new IvParameterSpec(iv) : new GCMParameterSpec(128, iv);
        cipher.init(mode, new SecretKeySpec(key, chacha ? "ChaCha20" : "AES"), spec);
        cipher.updateAAD(new byte[6]);
        return cipher;
    }
}
