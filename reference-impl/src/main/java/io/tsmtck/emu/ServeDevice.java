package io.tsmtck.emu;

import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.emu.spdm.DeviceIdentity;
import io.tsmtck.emu.spdm.ResponderConfig;
import io.tsmtck.emu.spdm.SessionApplication;
import io.tsmtck.emu.spdm.SocketServer;
import io.tsmtck.emu.spdm.SpdmResponder;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Serves the reference device on 127.0.0.1 over the SPDM socket protocol of DMTF spdm-emu and QEMU
 * (docs/internals.md, "Serving the reference device"), so that anyone's requester, or the device kit with
 * {@code -Dtsm-tck.device=tcp://127.0.0.1:2323}, can drive it:
 * {@code java -cp <reference-impl and tck-api jars> io.tsmtck.emu.ServeDevice [--port 2323]
 * [--connections N] [--functions PFS,VFS] [--fault NAME,...] [--verbose] [--latency-ms N]}. The
 * device is the whole reference device (SPDM with its built-in test identities, roots in {@code identity/}; IDE_KM and
 * TDISP inside the sessions it authenticated), its functions at 0001:3a:02.0 (PFs 0001:3a:02.n, VFs
 * from 0001:3a:03.0); {@code --fault} breaks it on purpose, as the kill matrix does; {@code --latency-ms}
 * makes it a slow device, answering every DOE object that much late.
 * {@code --identity <chain.der> <key.pem> P256|P384} serves an SPDM responder alone with that identity
 * (concatenated DER certificates, root first, and the leaf's PKCS#8 key), for a requester that
 * trusts another root; it answers no VENDOR_DEFINED request.
 */
public final class ServeDevice {

    private ServeDevice() {
    }

    public static void main(String[] args) throws Exception {
        int port = 2323;
        int connections = 1;
        boolean verbose = false;
        Duration latency = Duration.ZERO;
        int pfs = 1;
        int vfs = 0;
        FaultPlan faults = FaultPlan.NONE;
        Optional<DeviceIdentity> identity = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--verbose" -> verbose = true;
                case "--latency-ms" -> latency = Duration.ofMillis(Long.parseLong(args[++i]));
                case "--functions" -> {
                    String[] counts = args[++i].split(",");
                    pfs = Integer.parseInt(counts[0].trim());
                    vfs = counts.length > 1 ? Integer.parseInt(counts[1].trim()) : 0;
                }
                case "--fault" -> faults = FaultPlan.parse(args[++i]);
                case "--identity" -> identity = Optional.of(identity(Path.of(args[++i]), Path.of(args[++i]), args[++i]));
                default -> {
                    System.err.println("usage: ServeDevice [--port N] [--connections N] [--functions PFS,VFS] "
                            + "[--fault NAME,...] [--verbose] [--latency-ms N] [--identity <chain.der> <key.pem> "
                            + "P256|P384]; unknown "
                            + "argument " + args[i] + " (faults: " + Arrays.toString(Fault.values()) + ")");
                    System.exit(2);
                }
            }
        }
        ReferenceDevice device = new ReferenceDevice(new TopologyRequest(1, pfs, vfs,
                TopologyRequest.minimal().barSizes()), faults, 0x20250120L);
        SpdmResponder responder = identity.isPresent()
                ? new SpdmResponder(ResponderConfig.standard().withFaults(faults), List.of(identity.get()), new Silent(),
                        new SecureRandom())
                : device.device().responder();
        try (SocketServer server = new SocketServer(responder, InetAddress.getLoopbackAddress(), port, System.out)) {
            if (verbose) {
                server.verbose();
            }
            server.withLatency(latency);
            System.out.println("[serve] " + (identity.isPresent() ? "SPDM responder" : "reference device with " + pfs
                    + " PF, " + vfs + " VF") + (faults.faults().isEmpty() ? "" : ", faults " + faults.faults())
                    + " on 127.0.0.1:" + server.port());
            if (identity.isEmpty()) {
                System.out.println("[serve] its functions, for the device kit: -Dtsm-tck.functions=" + String.join(",",
                        device.functions().stream().map(f -> f.address().toString()).toList()));
            }
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
