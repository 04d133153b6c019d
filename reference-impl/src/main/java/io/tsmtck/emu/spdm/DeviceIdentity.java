package io.tsmtck.emu.spdm;

import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.cert.Certificates;
import io.tsmtck.api.spdm.cert.SpdmCertificateChain;
import io.tsmtck.api.wire.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Objects;

/**
 * The reference device's certificate chain (root, intermediate, responder) and the responder's
 * private key for one signature algorithm. These are test identities made by
 * {@code identity/generate.sh}, never real secrets; the root is what a kit user passes as the trust
 * anchor.
 *
 * <p>Threading: immutable, safe to share.
 */
public final class DeviceIdentity {

    private final AsymAlgorithm algorithm;
    private final List<X509Certificate> chain;
    private final PrivateKey key;

    public DeviceIdentity(AsymAlgorithm algorithm, List<X509Certificate> chain, PrivateKey key) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.chain = List.copyOf(chain);
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The built-in test identity of {@code algorithm}. */
    public static DeviceIdentity builtIn(AsymAlgorithm algorithm) {
        String name = algorithm == AsymAlgorithm.ECDSA_P256 ? "p256" : "p384";
        List<X509Certificate> chain = List.of(certificate(name + "-root.der"), certificate(name + "-intermediate.der"),
                certificate(name + "-responder.der"));
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                    resource(name + "-responder.key.der").toByteArray()));
            return new DeviceIdentity(algorithm, chain, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the built-in " + name + " test key does not load", e);
        }
    }

    public AsymAlgorithm algorithm() {
        return algorithm;
    }

    /** The root certificate: the trust anchor a requester validates this device against. */
    public X509Certificate root() {
        return chain.get(0);
    }

    /** The chain in SPDM format for the negotiated hash. */
    public SpdmCertificateChain chain(HashAlgorithm hash) {
        return SpdmCertificateChain.of(hash, chain);
    }

    PrivateKey key() {
        return key;
    }

    private static X509Certificate certificate(String name) {
        return Certificates.parse(resource(name)).orElseThrow(() -> new IllegalStateException(
                "the built-in test certificate " + name + " does not parse"));
    }

    private static ByteString resource(String name) {
        try (InputStream in = DeviceIdentity.class.getResourceAsStream("/io/tsmtck/emu/spdm/identity/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /io/tsmtck/emu/spdm/identity/" + name);
            }
            return ByteString.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
