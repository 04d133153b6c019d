package io.tsmtck.emu.spdm;

import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.wire.ByteString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Serves the reference SPDM responder on 127.0.0.1 over the SPDM socket protocol (README, "Serving
 * the reference device"):
 * {@code java -cp <reference-impl and tck-api jars> io.tsmtck.emu.spdm.ServeDevice [--port 2323]
 * [--connections N] [--verbose] [--identity <chain.der> <key.pem> P256|P384]}. Without {@code --identity} it
 * uses its built-in test identities (roots in {@code identity/}); with it, a chain of concatenated DER
 * certificates (root first) and the leaf's PKCS#8 key, for a requester that trusts another root.
 * VENDOR_DEFINED requests get no answer: TDISP needs the full reference device.
 */
public final class ServeDevice {

    private ServeDevice() {
    }

    public static void main(String[] args) throws Exception {
        int port = 2323;
        int connections = 1;
        boolean verbose = false;
        List<DeviceIdentity> identities = new ArrayList<>(List.of(DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P256),
                DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P384)));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--verbose" -> verbose = true;
                case "--identity" -> identities = List.of(identity(Path.of(args[++i]), Path.of(args[++i]), args[++i]));
                default -> {
                    System.err.println("usage: ServeDevice [--port N] [--connections N] [--verbose] "
                            + "[--identity <chain.der> <key.pem> P256|P384]; unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        SpdmResponder responder = new SpdmResponder(ResponderConfig.standard(), identities, new Silent(),
                new SecureRandom());
        try (SocketServer server = new SocketServer(responder, InetAddress.getLoopbackAddress(), port, System.out)) {
            if (verbose) {
                server.verbose();
            }
            System.out.println("[serve] SPDM responder on 127.0.0.1:" + server.port());
            for (int i = 0; i < connections; i++) {
                server.serveOne();
                System.out.println("[serve] connection " + (i + 1) + " ended");
            }
        }
    }

    private static DeviceIdentity identity(Path chain, Path key, String algorithm) throws IOException,
            GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(
                    Files.readAllBytes(chain))).forEach(c -> certificates.add((X509Certificate) c));
        } catch (CertificateException e) {
            throw new IllegalArgumentException(chain + " is not a sequence of DER certificates: " + e.getMessage(), e);
        }
        String pem = Files.readString(key, StandardCharsets.US_ASCII);
        if (!pem.contains("BEGIN PRIVATE KEY")) {
            throw new IllegalArgumentException(key + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY); convert it with "
                    + "`openssl pkcs8 -topk8 -nocrypt -in " + key + "`");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        AsymAlgorithm asym = "P256".equals(algorithm) ? AsymAlgorithm.ECDSA_P256 : AsymAlgorithm.ECDSA_P384;
        return new DeviceIdentity(asym, certificates,
                KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)));
    }

    /** No device above the responder: SPDM only. */
    private static final class Silent implements SessionApplication {
        @Override
        public Optional<ByteString> vendorDefined(Optional<SpdmSessionId> session, ByteString request) {
            return Optional.empty();
        }

        @Override
        public void sessionEstablished(SpdmSessionId session) {
            System.out.println("[serve] " + session + " established");
        }

        @Override
        public void sessionEnded(SpdmSessionId session) {
            System.out.println("[serve] " + session + " ended");
        }
    }
}
