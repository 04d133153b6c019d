package io.tsmtck.api.spdm.algorithm;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A BaseHashAlgo of NEGOTIATE_ALGORITHMS (DSP0274 table "BaseHashAlgo"), with the JDK digest and
 * HMAC that implement it. The bit is the algorithm's bit in the 32-bit field.
 */
public enum HashAlgorithm implements AlgorithmBit {
    SHA_256(1 << 0, 32, "SHA-256", "HmacSHA256"),
    SHA_384(1 << 1, 48, "SHA-384", "HmacSHA384"),
    SHA_512(1 << 2, 64, "SHA-512", "HmacSHA512");

    private final int bit;
    private final int size;
    private final String digestName;
    private final String macName;

    HashAlgorithm(int bit, int size, String digestName, String macName) {
        this.bit = bit;
        this.size = size;
        this.digestName = digestName;
        this.macName = macName;
    }

    @Override
    public long bit() {
        return bit;
    }

    /** H, the digest size in bytes. */
    public int size() {
        return size;
    }

    /** The JDK signature-algorithm prefix ("SHA384"). */
    String signaturePrefix() {
        return digestName.replace("-", "");
    }

    /** The digest of the concatenation of {@code parts}. */
    public byte[] digest(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** A fresh JDK digest, for a running transcript. */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(digestName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + digestName, e);
        }
    }

    /** HMAC of {@code data} under {@code key}. */
    public byte[] hmac(byte[] key, byte[]... data) {
        try {
            Mac mac = Mac.getInstance(macName);
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[size] : key, macName));
            for (byte[] part : data) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot compute " + macName, e);
        }
    }
}
