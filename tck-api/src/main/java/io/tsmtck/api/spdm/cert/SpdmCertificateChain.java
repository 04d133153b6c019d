package io.tsmtck.api.spdm.cert;

import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.MalformedException;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.WireReader;
import io.tsmtck.api.wire.WireWriter;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A certificate chain in the SPDM format (DSP0274 "Certificate chain format"): Length u16 (the whole
 * chain, this header included), reserved u16, RootHash (H bytes, the hash of the root certificate's
 * DER), then the DER certificates from the root (or the certificate the root signed) to the leaf.
 *
 * @param rootHash the RootHash field
 * @param certificates the DER certificates, root first
 */
public record SpdmCertificateChain(ByteString rootHash, List<ByteString> certificates) {

    public SpdmCertificateChain {
        Objects.requireNonNull(rootHash, "rootHash");
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain has at least one certificate");
        }
    }

    /** The chain of {@code certificates} (root first) with the root hash computed with {@code hash}. */
    public static SpdmCertificateChain of(HashAlgorithm hash, List<X509Certificate> certificates) {
        List<ByteString> der = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            der.add(Certificates.der(certificate));
        }
        return new SpdmCertificateChain(ByteString.of(hash.digest(der.get(0).toByteArray())), der);
    }

    /** The chain bytes, as CERTIFICATE returns them in portions. */
    public ByteString encode() {
        WireWriter body = WireWriter.littleEndian().bytes(rootHash);
        certificates.forEach(body::bytes);
        ByteString rest = body.toByteString();
        return WireWriter.littleEndian().u16(4 + rest.size()).u16(0).bytes(rest).toByteString();
    }

    /** Hash of the encoded chain: the DIGESTS entry and the transcript's Hash(Ct). */
    public ByteString digest(HashAlgorithm hash) {
        return ByteString.of(hash.digest(encode().toByteArray()));
    }

    /** The parsed certificates, root first. */
    public List<X509Certificate> parsed() {
        List<X509Certificate> parsed = new ArrayList<>();
        for (ByteString der : certificates) {
            parsed.add(Certificates.parse(der).orElseThrow());
        }
        return parsed;
    }

    /** The leaf certificate, whose key signs KEY_EXCHANGE_RSP and CHALLENGE_AUTH. */
    public X509Certificate leaf() {
        List<X509Certificate> parsed = parsed();
        return parsed.get(parsed.size() - 1);
    }

    /** Decodes a whole chain whose RootHash is {@code hash}-sized; every certificate must be DER X.509. */
    public static DecodeResult<SpdmCertificateChain> decode(ByteString bytes, HashAlgorithm hash) {
        WireReader in = WireReader.littleEndian(bytes, "SPDM certificate chain", ReservedPolicy.REJECT);
        try {
            int length = in.u16("Length");
            if (length != bytes.size()) {
                throw in.invalid("Length", 0, "says " + length + " bytes, the chain has " + bytes.size());
            }
            in.reserved("Reserved", 2);
            ByteString rootHash = in.bytes("RootHash", hash.size());
            int start = in.position();
            ByteString der = in.rest("Certificates");
            if (der.size() == 0) {
                throw in.invalid("Certificates", start, "no certificate");
            }
            Collection<? extends java.security.cert.Certificate> parsed;
            try {
                parsed = CertificateFactory.getInstance("X.509").generateCertificates(
                        new ByteArrayInputStream(der.toByteArray()));
            } catch (CertificateException e) {
                throw in.invalid("Certificates", start, "not a sequence of DER X.509 certificates: " + e.getMessage());
            }
            List<ByteString> certificates = new ArrayList<>();
            int total = 0;
            for (java.security.cert.Certificate certificate : parsed) {
                ByteString encoded = Certificates.der((X509Certificate) certificate);
                certificates.add(encoded);
                total += encoded.size();
            }
            if (certificates.isEmpty() || total != der.size()) {
                throw in.invalid("Certificates", start, "the DER certificates cover " + total + " of "
                        + der.size() + " bytes");
            }
            return DecodeResult.decoded(new SpdmCertificateChain(rootHash, certificates));
        } catch (MalformedException e) {
            return DecodeResult.malformed(e.error());
        }
    }
}
