package io.tsmtck.tck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A report signed with a PKCS#12 key (made with the JDK's keytool) verifies against the signer's
 * anchor, whatever its JSON's layout; one byte of a value changed, or another anchor, and it does not.
 */
class ReportSignatureTest {

    private static final String REPORT = "{\n  \"verdict\" : \"CERTIFIED\",\n  \"rules\" : [ {\n    \"id\" : \"TSM-01\","
            + "\n    \"status\" : \"PASSED\"\n  } ]\n}\n";
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path directory;

    private Path keystore(String name, String... keyAlgorithm) throws IOException, InterruptedException {
        Path store = directory.resolve(name + ".p12");
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "keytool").toString(), "-genkeypair", "-alias", "signer", "-dname", "CN=" + name, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD)));
        command.addAll(List.of(keyAlgorithm));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as("keytool: " + new String(keytool.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8)).isZero();
        return store;
    }

    private static X509Certificate certificate(Path store) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        return (X509Certificate) keys.getCertificate("signer");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EC secp384r1", "EC secp256r1", "Ed25519"})
    void aSignedReportVerifiesAndOneChangedByteDoesNot(String key) throws Exception {
        String[] algorithm = key.split(" ");
        Path store = algorithm.length == 2 ? keystore("acme", "-keyalg", "EC", "-groupname", algorithm[1])
                : keystore("acme", "-keyalg", algorithm[0]);
        Path report = Files.writeString(directory.resolve("certification-report.json"), REPORT);

        ReportSignature.sign(report, store, PASSWORD, "signer");

        assertThat(ReportSignature.verify(report, certificate(store))).isEmpty();
        Files.writeString(report, REPORT.replace("\n", "\n  "));
        assertThat(ReportSignature.verify(report, certificate(store))).as("the same JSON laid out otherwise").isEmpty();
        Files.writeString(report, REPORT.replace("PASSED", "PASSEE"));
        assertThat(ReportSignature.verify(report, certificate(store))).singleElement().asString()
                .startsWith("the signature does not verify: the report is not what CN=acme signed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EC secp384r1", "Ed25519"})
    void aPemKeyWithItsChainSignsAsTheKeystoreWould(String key) throws Exception {
        String[] algorithm = key.split(" ");
        Path store = algorithm.length == 2 ? keystore("acme", "-keyalg", "EC", "-groupname", algorithm[1])
                : keystore("acme", "-keyalg", algorithm[0]);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        Path pemKey = Files.writeString(directory.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + base64.encodeToString(keys.getKey("signer", PASSWORD).getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Path chain = Files.writeString(directory.resolve("chain.pem"), "-----BEGIN CERTIFICATE-----\n"
                + base64.encodeToString(certificate(store).getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Path report = Files.writeString(directory.resolve("certification-report.json"), REPORT);

        ReportSignature.sign(report, pemKey, chain);

        assertThat(ReportSignature.verify(report, certificate(store))).isEmpty();
        Files.writeString(report, REPORT.replace("TSM-01", "TSM-02"));
        assertThat(ReportSignature.verify(report, certificate(store))).singleElement().asString()
                .startsWith("the signature does not verify");
    }

    @Test
    void anotherAnchorOrNoSignatureIsSaid() throws Exception {
        Path store = keystore("acme", "-keyalg", "EC", "-groupname", "secp384r1");
        Path other = keystore("mallory", "-keyalg", "EC", "-groupname", "secp384r1");
        Path report = Files.writeString(directory.resolve("certification-report.json"), REPORT);

        assertThat(ReportSignature.verify(report, certificate(store))).singleElement().asString()
                .startsWith("no signature beside the report");
        ReportSignature.sign(report, store, PASSWORD, "signer");
        assertThat(ReportSignature.verify(report, certificate(other))).singleElement().asString()
                .contains("does not end at the trust anchor CN=mallory");
    }
}
