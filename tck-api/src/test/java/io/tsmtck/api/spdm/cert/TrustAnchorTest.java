package io.tsmtck.api.spdm.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.wire.ByteString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trust anchor is read from DER or PEM, and a file that is neither says how to make one; a chain
 * with any byte of one of its certificates changed does not validate.
 */
class TrustAnchorTest {

    @TempDir
    Path directory;

    @Test
    void aRootIsReadFromDerAndFromPem() throws Exception {
        ByteString der = RecordedChainTest.resource("certs/slot0_root_ca.cert.der");
        Path derFile = Files.write(directory.resolve("ca.der"), der.toByteArray());
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der.toByteArray()) + "\n-----END CERTIFICATE-----\n";
        Path pemFile = Files.writeString(directory.resolve("ca.pem"), pem);
        X509Certificate fromDer = Certificates.readTrustAnchor(derFile);
        assertThat(Certificates.readTrustAnchor(pemFile)).isEqualTo(fromDer);
        assertThat(fromDer.getSubjectX500Principal().getName()).contains("ECP384 CA");
    }

    @Test
    void aFileThatIsNoCertificateSaysHowToMakeOne() throws Exception {
        Path key = Files.writeString(directory.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n");
        assertThatThrownBy(() -> Certificates.readTrustAnchor(key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key.pem").hasMessageContaining("openssl x509");
        assertThatThrownBy(() -> Certificates.readTrustAnchor(directory.resolve("missing.der")))
                .hasMessageContaining("cannot read the trust anchor");
    }

    @Test
    void aChainWithAnyByteOfTheLeafChangedDoesNotValidate() {
        SpdmCertificateChain chain = RecordedChainTest.chain(0);
        ChainValidator validator = new ChainValidator(RecordedChainTest.root(0));
        byte[] leaf = chain.certificates().get(2).toByteArray();
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < leaf.length; i++) {
            byte[] altered = leaf.clone();
            altered[i] ^= 0x01;
            List<ByteString> certificates = List.of(chain.certificates().get(0), chain.certificates().get(1),
                    ByteString.of(altered));
            boolean valid;
            try {
                valid = validator.validate(new SpdmCertificateChain(chain.rootHash(), certificates),
                        HashAlgorithm.SHA_384, Instant.parse("2026-12-01T00:00:00Z")).isOk();
            } catch (RuntimeException e) {
                throw new AssertionError("byte " + i + " of the leaf changed made the validator throw", e);
            }
            if (valid) {
                accepted.add(i);
            }
        }
        assertThat(accepted).as("offsets whose change still validated").isEmpty();
    }
}
