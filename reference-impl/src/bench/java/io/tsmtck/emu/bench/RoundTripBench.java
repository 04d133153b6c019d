package io.tsmtck.emu.bench;

import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.ProtocolId;
import io.tsmtck.api.spdm.VendorDefinedMessage;
import io.tsmtck.api.spdm.algorithm.AeadAlgorithm;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.message.GetVersion;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.emu.ReferenceDevice;
import io.tsmtck.emu.faults.FaultPlan;
import io.tsmtck.emu.spdm.DeviceIdentity;
import io.tsmtck.tck.spdm.RequesterConfig;
import io.tsmtck.tck.spdm.SpdmRequester;
import io.tsmtck.tck.spdm.SpdmSession;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The emulated responder's round trip, in process: a plaintext GET_VERSION through the DOE mailbox,
 * and a TDISP GET_DEVICE_INTERFACE_STATE in the secured session, beside {@code rawCopy} (the same
 * request and answer bytes copied once each) and {@code rawAead} (the JDK AEAD sealing and opening
 * the secured request and answer).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoundTripBench {

    private ReferenceDevice device;
    private DoeMailbox mailbox;
    private SpdmSession session;
    private DoeObject getVersion;
    private ByteString stateRequest;
    private byte[] requestBytes;
    private byte[] answerBytes;

    @Setup
    public void connect() throws IOException {
        device = new ReferenceDevice(TopologyRequest.minimal(), FaultPlan.NONE, 7);
        mailbox = device.mailbox();
        SecureRandom random = new SecureRandom();
        RequesterConfig config = RequesterConfig.standard(DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P384).root());
        session = new SpdmRequester(config, random).connect(mailbox).orElseThrow().openSession().orElseThrow();
        getVersion = DoeObject.wrap(DoeObject.TYPE_SPDM, GetVersion.request().encode());
        TdispHeader header = TdispHeader.v10(device.functions().get(0).interfaceId());
        stateRequest = VendorDefinedMessage.request(ProtocolId.TDISP,
                new HeaderOnlyMessage(MessageType.GET_DEVICE_INTERFACE_STATE, header).encode()).encode();
        requestBytes = stateRequest.toByteArray();
        answerBytes = session.send(stateRequest).orElseThrow().toByteArray();
    }

    @TearDown
    public void close() {
        device.close();
    }

    @Benchmark
    public Object plaintextGetVersion() throws IOException {
        return mailbox.exchange(getVersion).orElseThrow();
    }

    @Benchmark
    public Object securedInterfaceState() {
        return session.send(stateRequest).orElseThrow();
    }

    @Benchmark
    public void rawCopy(Blackhole sink) {
        sink.consume(requestBytes.clone());
        sink.consume(answerBytes.clone());
    }

    @Benchmark
    public void rawAead(Blackhole sink) throws GeneralSecurityException {
        sink.consume(RawAead.sealAndOpen(AeadAlgorithm.AES_256_GCM, 1, requestBytes.length));
        sink.consume(RawAead.sealAndOpen(AeadAlgorithm.AES_256_GCM, 2, answerBytes.length));
    }
}
