package io.tsmtck.api.spdm.algorithm;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;

/**
 * A BaseAsymAlgo of NEGOTIATE_ALGORITHMS (DSP0274 table "BaseAsymAlgo"): the signature scheme of the
 * responder's certificate key. ECDSA signatures are raw {@code r ‖ s}, each the curve's size, and
 * are computed over the message hashed with the negotiated base hash.
 */
public enum AsymAlgorithm implements AlgorithmBit {
    ECDSA_P256(1 << 4, "secp256r1", 32),
    ECDSA_P384(1 << 7, "secp384r1", 48);

    private final int bit;
    private final String curve;
    private final int coordinateSize;

    AsymAlgorithm(int bit, String curve, int coordinateSize) {
        this.bit = bit;
        this.curve = curve;
        this.coordinateSize = coordinateSize;
    }

    @Override
    public long bit() {
        return bit;
    }

    /** The signature size in bytes. */
    public int signatureSize() {
        return 2 * coordinateSize;
    }

    /** True if {@code key} is a key of this algorithm (an EC key on this curve). */
    public boolean fits(PublicKey key) {
        return key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize()
                == 8 * coordinateSize;
    }

    /** A new key pair of this algorithm (for test devices; never a real secret). */
    public KeyPair generateKeyPair(SecureRandom random) {
        return EcKeys.generate(curve, random);
    }

    /** Signs {@code message} (hashed with {@code hash}) with {@code key}. */
    public byte[] sign(HashAlgorithm hash, PrivateKey key, byte[] message, SecureRandom random) {
        try {
            Signature signature = Signature.getInstance(jdkName(hash));
            signature.initSign(key, random);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with " + this + ": " + e.getMessage(), e);
        }
    }

    /** True if {@code signatureBytes} is a valid signature of {@code message} by {@code key}. */
    public boolean verify(HashAlgorithm hash, PublicKey key, byte[] message, byte[] signatureBytes) {
        if (signatureBytes.length != signatureSize() || !fits(key)) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(jdkName(hash));
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String jdkName(HashAlgorithm hash) {
        return hash.signaturePrefix() + "withECDSAinP1363Format";
    }
}
