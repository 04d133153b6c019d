package io.tsmtck.tck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A certification report signed over a canonical form of its JSON (object members sorted by name, no
 * white space, UTF-8), with JDK crypto only: the signature beside the report
 * ({@value #SIGNATURE_SUFFIX}: the algorithm and the Base64 signature) and the signer's certificate
 * chain ({@value #CHAIN_SUFFIX}, PEM). The key comes from a PKCS#12 keystore or a PEM PKCS#8 file. ECDSA keys sign with SHA-384, Ed25519 keys with Ed25519. A
 * reviewer verifies both against a trust anchor of their own: one byte of the report changed, or a
 * chain that does not end at the anchor, and it does not verify.
 */
public final class ReportSignature {

    /** The signature's file: {@code certification-report.json.sig}. */
    public static final String SIGNATURE_SUFFIX = ".sig";
    /** The signer's chain: {@code certification-report.json.pem}. */
    public static final String CHAIN_SUFFIX = ".pem";

    private static final String PRIVATE_KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PRIVATE_KEY_END = "-----END PRIVATE KEY-----";

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT);

    private ReportSignature() {
    }

    /** The bytes a signature covers: the report's JSON with every object's members sorted, compact, UTF-8. */
    public static byte[] canonical(Path report) throws IOException {
        JsonNode tree = CANONICAL.readTree(Files.readAllBytes(report));
        return CANONICAL.writeValueAsString(sorted(tree)).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> members = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                members.put(member.getKey(), sorted(member.getValue()));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            members.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }

    /**
     * Signs {@code report} with the key {@code alias} of the PKCS#12 {@code keystore}; writes the
     * signature and the key's certificate chain beside it. Returns the signature's file.
     */
    public static Path sign(Path report, Path keystore, char[] password, String alias)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        if (!store.isKeyEntry(alias)) {
            throw new GeneralSecurityException(keystore + " has no key named '" + alias + "' (it has "
                    + Collections.list(store.aliases()) + ")");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) certificate);
        }
        return sign(report, (PrivateKey) store.getKey(alias, password), chain);
    }

    /**
     * Signs {@code report} with the PKCS#8 private key in the PEM file {@code keyFile} ("BEGIN PRIVATE
     * KEY", ECDSA or Ed25519), whose certificate chain, signer first, is the PEM file {@code chainFile}.
     */
    public static Path sign(Path report, Path keyFile, Path chainFile) throws IOException, GeneralSecurityException {
        String pem = Files.readString(keyFile);
        int begin = pem.indexOf(PRIVATE_KEY_BEGIN);
        int end = pem.indexOf(PRIVATE_KEY_END);
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException(keyFile + " holds no '" + PRIVATE_KEY_BEGIN + "' (a PKCS#8 key; convert"
                    + " one with openssl pkcs8 -topk8 -nocrypt)");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(
                pem.substring(begin + PRIVATE_KEY_BEGIN.length(), end)));
        PrivateKey key = null;
        for (String keyAlgorithm : List.of("EC", "Ed25519")) {
            try {
                key = KeyFactory.getInstance(keyAlgorithm).generatePrivate(spec);
                break;
            } catch (InvalidKeySpecException notThisOne) {
                // try the next
            }
        }
        if (key == null) {
            throw new GeneralSecurityException(keyFile + " is neither an ECDSA nor an Ed25519 key");
        }
        return sign(report, key, certificates(Files.readAllBytes(chainFile)));
    }

    private static Path sign(Path report, PrivateKey key, List<X509Certificate> chain)
            throws IOException, GeneralSecurityException {
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no certificate for the signing key");
        }
        String algorithm = algorithm(key.getAlgorithm());
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(canonical(report));
        Path signature = sibling(report, SIGNATURE_SUFFIX);
        Files.writeString(signature, algorithm + " " + Base64.getEncoder().encodeToString(signer.sign()) + "\n");
        StringBuilder pem = new StringBuilder();
        for (Certificate certificate : chain) {
            pem.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        Files.writeString(sibling(report, CHAIN_SUFFIX), pem);
        return signature;
    }

    /**
     * What is wrong with {@code report}'s signature against {@code anchor}: empty when the chain beside
     * it ends at the anchor and its first certificate's key signed the report's canonical form.
     */
    public static List<String> verify(Path report, X509Certificate anchor) throws IOException {
        List<String> found = new ArrayList<>();
        Path signatureFile = sibling(report, SIGNATURE_SUFFIX);
        Path chainFile = sibling(report, CHAIN_SUFFIX);
        if (!Files.isRegularFile(signatureFile) || !Files.isRegularFile(chainFile)) {
            found.add("no signature beside the report (" + signatureFile.getFileName() + " and "
                    + chainFile.getFileName() + ")");
            return found;
        }
        try {
            String[] parts = Files.readString(signatureFile).trim().split(" ", 2);
            if (parts.length != 2) {
                found.add(signatureFile.getFileName() + " is not '<algorithm> <Base64 signature>'");
                return found;
            }
            List<X509Certificate> chain = certificates(Files.readAllBytes(chainFile));
            if (chain.isEmpty()) {
                found.add(chainFile.getFileName() + " holds no certificate");
                return found;
            }
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            parameters.setRevocationEnabled(false);
            try {
                CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509")
                        .generateCertPath(chain.stream().filter(c -> !c.equals(anchor)).toList()), parameters);
            } catch (GeneralSecurityException e) {
                found.add("the signer's chain (" + chain.get(0).getSubjectX500Principal() + ") does not end at the"
                        + " trust anchor " + anchor.getSubjectX500Principal() + ": " + e.getMessage());
            }
            PublicKey key = chain.get(0).getPublicKey();
            if (!parts[0].equals(algorithm(key.getAlgorithm()))) {
                found.add("the signature says " + parts[0] + ", the signer's key is " + key.getAlgorithm());
                return found;
            }
            Signature verifier = Signature.getInstance(parts[0]);
            verifier.initVerify(key);
            verifier.update(canonical(report));
            if (!verifier.verify(Base64.getDecoder().decode(parts[1]))) {
                found.add("the signature does not verify: the report is not what " + chain.get(0)
                        .getSubjectX500Principal() + " signed");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            found.add("the signature cannot be checked: " + e.getMessage());
        }
        return found;
    }

    /** The certificate in {@code file} (DER or PEM), for a trust anchor. */
    public static X509Certificate anchor(Path file) throws IOException, GeneralSecurityException {
        List<X509Certificate> certificates = certificates(Files.readAllBytes(file));
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException(file + " holds no certificate");
        }
        return certificates.get(0);
    }

    private static List<X509Certificate> certificates(byte[] bytes) throws GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(bytes))) {
            out.add((X509Certificate) certificate);
        }
        return out;
    }

    private static String algorithm(String keyAlgorithm) throws GeneralSecurityException {
        return switch (keyAlgorithm) {
            case "EC" -> "SHA384withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new GeneralSecurityException("a " + keyAlgorithm + " key: sign reports with an ECDSA"
                    + " (P-256, P-384) or Ed25519 key");
        };
    }

    private static Path sibling(Path report, String suffix) {
        return report.resolveSibling(report.getFileName() + suffix);
    }
}
