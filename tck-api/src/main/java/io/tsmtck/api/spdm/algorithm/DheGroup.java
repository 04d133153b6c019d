package io.tsmtck.api.spdm.algorithm;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.KeyAgreement;

/**
 * A DHE group of NEGOTIATE_ALGORITHMS (DSP0274 AlgType 2): ephemeral ECDH on a NIST curve. The
 * exchange data of KEY_EXCHANGE and KEY_EXCHANGE_RSP is the public point {@code X ‖ Y}, each
 * coordinate big-endian and the curve's size; the shared secret is the x-coordinate of the product,
 * the same size.
 */
public enum DheGroup implements AlgorithmBit {
    SECP256R1(1 << 3, "secp256r1", 32),
    SECP384R1(1 << 4, "secp384r1", 48);

    private final int bit;
    private final String curve;
    private final int coordinateSize;

    DheGroup(int bit, String curve, int coordinateSize) {
        this.bit = bit;
        this.curve = curve;
        this.coordinateSize = coordinateSize;
    }

    @Override
    public long bit() {
        return bit;
    }

    /** The size of the exchange data in bytes. */
    public int exchangeDataSize() {
        return 2 * coordinateSize;
    }

    /** A new ephemeral key pair. */
    public KeyPair generate(SecureRandom random) {
        return EcKeys.generate(curve, random);
    }

    /** The exchange data of {@code pair}'s public key. */
    public byte[] exchangeData(KeyPair pair) {
        ECPoint w = ((ECPublicKey) pair.getPublic()).getW();
        byte[] out = new byte[exchangeDataSize()];
        put(w.getAffineX(), out, 0);
        put(w.getAffineY(), out, coordinateSize);
        return out;
    }

    /**
     * The shared secret of {@code own} and the peer's exchange data, or empty if that data is not a
     * point on this curve (wrong size, coordinates out of range, not on the curve).
     */
    public Optional<byte[]> sharedSecret(PrivateKey own, byte[] peerExchangeData) {
        if (peerExchangeData.length != exchangeDataSize()) {
            return Optional.empty();
        }
        try {
            ECParameterSpec params = parameters();
            BigInteger x = new BigInteger(1, Arrays.copyOfRange(peerExchangeData, 0, coordinateSize));
            BigInteger y = new BigInteger(1, Arrays.copyOfRange(peerExchangeData, coordinateSize,
                    peerExchangeData.length));
            if (!onCurve(params, x, y)) {
                return Optional.empty();
            }
            var peer = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), params));
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(own);
            agreement.doPhase(peer, true);
            byte[] secret = agreement.generateSecret();
            byte[] fixed = new byte[coordinateSize];
            System.arraycopy(secret, 0, fixed, coordinateSize - secret.length, secret.length);
            return Optional.of(fixed);
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private ECParameterSpec parameters() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static boolean onCurve(ECParameterSpec params, BigInteger x, BigInteger y) {
        BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB()).mod(p);
        return left.equals(right);
    }

    private void put(BigInteger value, byte[] out, int offset) {
        byte[] raw = value.toByteArray();
        int length = Math.min(raw.length, coordinateSize);
        System.arraycopy(raw, raw.length - length, out, offset + coordinateSize - length, length);
    }
}
