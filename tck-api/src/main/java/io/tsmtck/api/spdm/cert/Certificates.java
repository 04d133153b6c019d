package io.tsmtck.api.spdm.cert;

import io.tsmtck.api.wire.ByteString;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** Reading and writing X.509 certificates with the JDK's factory. */
public final class Certificates {

    private Certificates() {
    }

    /** The certificate of DER (or PEM) bytes, or empty if they are not one. */
    public static Optional<X509Certificate> parse(ByteString bytes) {
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (CertificateException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads a trust anchor from a DER or PEM file.
     *
     * @throws IllegalArgumentException saying which file is not a certificate and how to make one
     */
    public static X509Certificate readTrustAnchor(Path file) {
        try {
            return parse(ByteString.of(Files.readAllBytes(file))).orElseThrow(() -> new IllegalArgumentException(
                    file + " is not a DER or PEM X.509 certificate; give the root CA certificate of the device's "
                            + "chain (for example `openssl x509 -in ca.pem -outform der -out ca.der`)"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the trust anchor " + file + ": " + e.getMessage(), e);
        }
    }

    /** The DER encoding. */
    public static ByteString der(X509Certificate certificate) {
        try {
            return ByteString.of(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        }
    }
}
