package io.tsmtck.emu.bench;

import io.tsmtck.api.spdm.algorithm.AlgorithmSuite;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.spdm.session.HandshakeSecrets;
import io.tsmtck.api.spdm.session.KeySchedule;
import io.tsmtck.api.spdm.session.SecureChannel;
import io.tsmtck.api.spdm.session.SessionRole;
import io.tsmtck.api.wire.ByteString;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
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

/**
 * One application message (a 40-byte TDISP request in VENDOR_DEFINED) sealed by one end and opened
 * by the other, beside {@code rawJdkSealAndOpen}: the JDK AEAD on the same number of bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordBench {

    private static final int MESSAGE = 52;

    @Param({"SHA_256/ECDSA_P256/SECP256R1/AES_128_GCM", "SHA_384/ECDSA_P384/SECP384R1/AES_256_GCM",
        "SHA_256/ECDSA_P256/SECP256R1/CHACHA20_POLY1305"})
    public String suite;

    private AlgorithmSuite algorithms;
    private SecureChannel requester;
    private SecureChannel responder;
    private final ByteString message = ByteString.zeros(MESSAGE);
    private int nonce;

    @Setup
    public void channels() {
        algorithms = Suites.parse(suite);
        KeySchedule schedule = new KeySchedule(SpdmVersion.V1_2, algorithms.hash(), algorithms.aead());
        HandshakeSecrets secrets = schedule.handshake(ByteString.zeros(32), ByteString.zeros(algorithms.hash().size()));
        requester = new SecureChannel(1, SessionRole.REQUESTER, schedule, secrets);
        responder = new SecureChannel(1, SessionRole.RESPONDER, schedule, secrets);
    }

    @Benchmark
    public ByteString sealAndOpen() {
        return responder.open(requester.seal(message).orElseThrow()).orElseThrow();
    }

    @Benchmark
    public byte[] rawJdkSealAndOpen() throws GeneralSecurityException {
        return RawAead.sealAndOpen(algorithms.aead(), nonce++, MESSAGE + 2);
    }
}
