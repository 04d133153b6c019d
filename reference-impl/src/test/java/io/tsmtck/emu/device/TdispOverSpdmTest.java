package io.tsmtck.emu.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.ProtocolId;
import io.tsmtck.api.spdm.VendorDefinedMessage;
import io.tsmtck.api.spdm.algorithm.AsymAlgorithm;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.tdisp.DeviceInterfaceStateResponse;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispCodec;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.topology.Dsm;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.emu.EmuHostStack;
import io.tsmtck.emu.ReferenceStackProvider;
import io.tsmtck.emu.spdm.DeviceIdentity;
import io.tsmtck.tck.spdm.RequesterConfig;
import io.tsmtck.tck.spdm.SpdmRequester;
import io.tsmtck.tck.spdm.SpdmSession;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference device behind its DOE mailbox, driven by the kit's own SPDM requester: TDISP is
 * answered inside a session the device authenticated and dropped in plaintext (PCIe Base 6.x
 * 11.2.2), and nothing is answered for a session after END_SESSION.
 */
class TdispOverSpdmTest {

    private HostStack stack;
    private EmuDevice device;
    private Dsm dsm;

    @BeforeEach
    void device() {
        stack = new ReferenceStackProvider().create(new StackRequest(VendorProfile.GENERIC_LINK,
                new TopologyRequest(1, 1, 1, List.of(64L * 1024)), 11));
        dsm = stack.topology().dsms().get(0);
        device = ((EmuHostStack) stack).device(dsm.address());
    }

    @AfterEach
    void close() throws Exception {
        stack.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = SpdmVersion.class, names = {"V1_1", "V1_2", "V1_3"})
    void tdispIsAnsweredInsideTheAuthenticatedSession(SpdmVersion version) {
        SpdmSession session = open(device.doeMailbox(), version);
        VendorDefinedMessage answer = VendorDefinedMessage.decode(session.send(getState(version)).orElseThrow())
                .orElseThrow();
        var state = (DeviceInterfaceStateResponse) TdispCodec.decode(answer.body(), ReservedPolicy.REJECT).orElseThrow();
        assertThat(state.state()).isEqualTo(TdiState.CONFIG_UNLOCKED);
        assertThat(answer.spdmVersion()).isEqualTo(version.code());
    }

    @Test
    void tdispIsAnsweredOverTheDoeRegistersToo() throws IOException {
        DoeMailbox mailbox = io.tsmtck.tck.transport.DoeConfigMailbox.open(device.doeConfigSpace(),
                java.time.Duration.ofSeconds(1), dsm.address().toString());
        SpdmSession session = open(mailbox, SpdmVersion.V1_2);
        VendorDefinedMessage answer = VendorDefinedMessage.decode(session.send(getState(SpdmVersion.V1_2))
                .orElseThrow()).orElseThrow();
        assertThat(answer.protocol()).isEqualTo(ProtocolId.TDISP);
    }

    @Test
    void plaintextTdispGetsNoAnswer() throws IOException {
        DoeMailbox mailbox = device.doeMailbox();
        open(mailbox, SpdmVersion.V1_2);
        assertThat(mailbox.exchange(DoeObject.wrap(DoeObject.TYPE_SPDM, getState(SpdmVersion.V1_2)))).isEmpty();
    }

    @Test
    void afterEndSessionTheSessionIsGone() {
        SpdmSession session = open(device.doeMailbox(), SpdmVersion.V1_2);
        assertThat(session.end().isOk()).isTrue();
        assertThat(device.exchange(io.tsmtck.api.device.SpdmChannel.secured(
                new io.tsmtck.api.device.SpdmSessionId(session.sessionId())), getState(SpdmVersion.V1_2))).isEmpty();
    }

    private ByteString getState(SpdmVersion version) {
        ByteString body = HeaderOnlyMessage.getState(TdispHeader.v10(dsm.functions().get(0).interfaceId())).encode();
        return new VendorDefinedMessage(version.code(), true, 0, 0, ProtocolId.TDISP, body).encode();
    }

    private static SpdmSession open(DoeMailbox mailbox, SpdmVersion version) {
        RequesterConfig config = RequesterConfig.standard(DeviceIdentity.builtIn(AsymAlgorithm.ECDSA_P384).root())
                .speaking(version);
        return new SpdmRequester(config, new SecureRandom()).connect(mailbox).orElseThrow().openSession().orElseThrow();
    }
}
