package io.tsmtck.api.spdm.session;

import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** HKDF (RFC 5869) on the JDK's HMAC, as DSP0274's key schedule uses it. */
public final class Hkdf {

    private Hkdf() {
    }

    /** HKDF-Extract: HMAC(salt, ikm); an empty salt is H zero bytes. */
    public static byte[] extract(HashAlgorithm hash, byte[] salt, byte[] ikm) {
        return hash.hmac(salt.length == 0 ? new byte[hash.size()] : salt, ikm);
    }

    /** HKDF-Expand: {@code length} bytes of T(1) ‖ T(2) ‖ ... with T(i) = HMAC(prk, T(i-1) ‖ info ‖ i). */
    public static byte[] expand(HashAlgorithm hash, byte[] prk, byte[] info, int length) {
        if (length < 0 || length > 255 * hash.size()) {
            throw new IllegalArgumentException("HKDF-Expand length " + length + " out of range for " + hash);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] previous = new byte[0];
        for (int i = 1; out.size() < length; i++) {
            previous = hash.hmac(prk, previous, info, new byte[] {(byte) i});
            out.writeBytes(previous);
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }
}
