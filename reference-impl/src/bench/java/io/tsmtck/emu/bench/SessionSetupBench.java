package io.tsmtck.emu.bench;

import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.emu.spdm.DeviceIdentity;
import io.tsmtck.emu.spdm.InProcessMailbox;
import io.tsmtck.emu.spdm.ResponderConfig;
import io.tsmtck.emu.spdm.SessionApplication;
import io.tsmtck.emu.spdm.SpdmResponder;
import io.tsmtck.tck.spdm.RequesterConfig;
import io.tsmtck.tck.spdm.SpdmConnection;
import io.tsmtck.tck.spdm.SpdmRequester;
import io.tsmtck.tck.spdm.SpdmSession;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A secured session set up and ended (KEY_EXCHANGE, FINISH, END_SESSION) between the kit's
 * requester and the reference responder in process, per suite, beside {@code rawJdkOperations}: the
 * JDK work both ends cannot avoid for the same session (two ephemeral key pairs, two ECDH, one
 * signature and its verification, the key schedule's 40 HMACs, six AEAD operations for the three
 * record pairs).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SessionSetupBench {

    @Param({"SHA_256/ECDSA_P256/SECP256R1/AES_128_GCM", "SHA_384/ECDSA_P384/SECP384R1/AES_256_GCM",
        "SHA_256/ECDSA_P256/SECP256R1/CHACHA20_POLY1305"})
    public String suite;

    private AlgorithmSuite algorithms;
    private SpdmConnection connection;
    private KeyPair signing;
    private final SecureRandom random = new SecureRandom();

    @Setup
    public void connect() {
        algorithms = Suites.parse(suite);
        SpdmResponder responder = new SpdmResponder(ResponderConfig.standard(),
                List.of(DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P256), DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P384)),
                new NoApplication(), random);
        RequesterConfig config = RequesterConfig.standard(DeviceIdentity.builtIn(algorithms.asym()).root())
                .offering(algorithms).speaking(SpdmVersion.V1_2);
        connection = new SpdmRequester(config, random).connect(new InProcessMailbox(responder)).orElseThrow();
        signing = algorithms.asym().generateKeyPair(random);
    }

    @Benchmark
    public Object sessionSetUpAndEnded() {
        SpdmSession session = connection.openSession().orElseThrow();
        return session.end().orElseThrow();
    }

    @Benchmark
    public void rawJdkOperations(Blackhole sink) throws GeneralSecurityException {
        KeyPair requester = algorithms.dhe().generate(random);
        KeyPair responder = algorithms.dhe().generate(random);
        sink.consume(agree(requester, responder));
        sink.consume(agree(responder, requester));
        String signatureName = algorithms.hash().name().replace("_", "") + "withECDSAinP1363Format";
        Signature signer = Signature.getInstance(signatureName);
        signer.initSign(signing.getPrivate(), random);
        byte[] message = new byte[128];
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(signatureName);
        verifier.initVerify(signing.getPublic());
        verifier.update(message);
        sink.consume(verifier.verify(signature));
        String macName = "Hmac" + algorithms.hash().name().replace("_", "");
        byte[] key = new byte[algorithms.hash().size()];
        for (int i = 0; i < 40; i++) {
            Mac mac = Mac.getInstance(macName);
            mac.init(new SecretKeySpec(key, macName));
            key = mac.doFinal(message);
        }
        for (int record = 0; record < 3; record++) {
            sink.consume(RawAead.sealAndOpen(algorithms.aead(), record, 56));
        }
    }

    private static byte[] agree(KeyPair own, KeyPair peer) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(own.getPrivate());
        agreement.doPhase(peer.getPublic(), true);
        return agreement.generateSecret();
    }

    /** The responder's device: nothing above the session. */
    private static final class NoApplication implements SessionApplication {
        @Override
        public Optional<io.tsmtck.api.wire.ByteString> vendorDefined(
                Optional<io.tsmtck.api.device.SpdmSessionId> session, io.tsmtck.api.wire.ByteString request) {
            return Optional.empty();
        }

        @Override
        public void sessionEstablished(io.tsmtck.api.device.SpdmSessionId session) {
        }

        @Override
        public void sessionEnded(io.tsmtck.api.device.SpdmSessionId session) {
        }
    }
}
