package io.tsmtck.emu.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.device.SpdmChannel;
import io.tsmtck.api.idekm.IdeKmCodec;
import io.tsmtck.api.idekm.IdeKmMessage;
import io.tsmtck.api.idekm.KpAck;
import io.tsmtck.api.idekm.KpAckStatus;
import io.tsmtck.api.spdm.ProtocolId;
import io.tsmtck.api.spdm.VendorDefinedMessage;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.LockFlag;
import io.tsmtck.api.tdisp.LockInterfaceRequest;
import io.tsmtck.api.tdisp.LockInterfaceResponse;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.StartInterfaceRequest;
import io.tsmtck.api.tdisp.TdispCodec;
import io.tsmtck.api.tdisp.TdispError;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.tdisp.TdispMessage;
import io.tsmtck.api.topology.Dsm;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.emu.EmuHostStack;
import io.tsmtck.emu.ReferenceStackProvider;
import io.tsmtck.emu.device.EmuDevice;
import io.tsmtck.emu.host.tsm.EmuTsmCore;
import java.util.List;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the emulated device's TDISP and IDE_KM responders inside a secured
 * session, from each TDI state. The properties: the responder never throws; every TDISP request
 * gets a well-formed TDISP answer (its response type, or TDISP_ERROR); a TDISP_ERROR, a dropped
 * IDE_KM object or a failed KP_ACK leaves every TDI state, nonce, lock, P2P stream and IDE key slot
 * as it was. Regression inputs replay in every build; {@code JAZZER_FUZZ=1} fuzzes (docs/contributing.md).
 */
class ResponderFuzzTest {

    private static final TopologyRequest TOPOLOGY = new TopologyRequest(1, 2, 1, List.of(64L * 1024, 16L * 1024));
    private static final MessageType[] REQUESTS = {MessageType.GET_TDISP_VERSION, MessageType.GET_TDISP_CAPABILITIES,
        MessageType.LOCK_INTERFACE_REQUEST, MessageType.GET_DEVICE_INTERFACE_REPORT,
        MessageType.GET_DEVICE_INTERFACE_STATE, MessageType.START_INTERFACE_REQUEST, MessageType.STOP_INTERFACE_REQUEST,
        MessageType.BIND_P2P_STREAM_REQUEST, MessageType.UNBIND_P2P_STREAM_REQUEST,
        MessageType.SET_MMIO_ATTRIBUTE_REQUEST, MessageType.VDM_REQUEST};

    /** A connected device with PF0's TDI in the state the input chooses. */
    private static final class Rig {
        final HostStack stack;
        final EmuDevice device;
        final SpdmChannel session;
        final PciFunction function;

        Rig(FuzzedDataProvider data) {
            stack = new ReferenceStackProvider().create(new StackRequest(VendorProfile.GENERIC_LINK, TOPOLOGY, 7));
            Dsm dsm = stack.topology().dsms().get(0);
            stack.tsm().connect(dsm.address(), stack.topology().tsmDevices().get(0)).orElseThrow();
            device = ((EmuHostStack) stack).device(dsm.address());
            session = SpdmChannel.secured(((EmuTsmCore) stack.tsm()).session(dsm.address()).orElseThrow());
            function = dsm.functions().get(data.consumeInt(0, dsm.functions().size() - 1));
            int state = data.consumeInt(0, 3);
            if (state >= 1) {
                int stream = stack.tsm().ideStreams(dsm.address()).get(0).streamId();
                TdispMessage lock = tdisp(new LockInterfaceRequest(header(), LockFlag.NO_FW_UPDATE.mask(), stream,
                        0, 0).encode()).orElseThrow();
                if (state == 2) {
                    tdisp(new StartInterfaceRequest(header(), ((LockInterfaceResponse) lock).nonce()).encode());
                } else if (state == 3) {
                    device.functionLevelReset(function.address());
                }
            }
        }

        TdispHeader header() {
            return TdispHeader.v10(function.interfaceId());
        }

        Optional<ByteString> exchange(ProtocolId protocol, ByteString body) {
            return device.exchange(session, VendorDefinedMessage.request(protocol, body).encode())
                    .map(answer -> {
                        VendorDefinedMessage response = VendorDefinedMessage.decode(answer).orElseThrow();
                        assertThat(response.request()).as("a response").isFalse();
                        assertThat(response.protocol()).isEqualTo(protocol);
                        return response.body();
                    });
        }

        Optional<TdispMessage> tdisp(ByteString body) {
            return exchange(ProtocolId.TDISP, body)
                    .map(answer -> TdispCodec.decode(answer, ReservedPolicy.REJECT).orElseThrow());
        }
    }

    /** A TDISP request: a right header with a chosen or fuzzed code and a fuzzed body, or fuzzed bytes. */
    private static ByteString request(FuzzedDataProvider data, Rig rig) {
        if (data.consumeBoolean()) {
            return ByteString.of(data.consumeRemainingAsBytes());
        }
        byte[] header = HeaderOnlyMessage.getState(rig.header()).encode().toByteArray();
        header[1] = data.consumeBoolean() ? (byte) data.pickValue(REQUESTS).code() : data.consumeByte();
        byte[] body = data.consumeRemainingAsBytes();
        byte[] message = new byte[header.length + body.length];
        System.arraycopy(header, 0, message, 0, header.length);
        System.arraycopy(body, 0, message, header.length, body.length);
        return ByteString.of(message);
    }

    @FuzzTest(maxDuration = "2m")
    void tdispRequests(FuzzedDataProvider data) {
        Rig rig = new Rig(data);
        ByteString request = request(data, rig);
        String before = rig.device.stateDigest();

        TdispMessage answer = rig.tdisp(request).orElseThrow(() -> new AssertionError("no answer inside a session"));

        if (answer instanceof TdispError) {
            assertThat(rig.device.stateDigest()).as("state after %s answered %s", request.hex(), answer)
                    .isEqualTo(before);
        } else {
            MessageType asked = TdispCodec.decode(request, ReservedPolicy.IGNORE).orElseThrow().type();
            assertThat(Optional.of(answer.type())).as("answer to %s", request.hex()).isEqualTo(asked.response());
        }
        rig.stack.close();
    }

    @FuzzTest(maxDuration = "2m")
    void ideKmObjects(FuzzedDataProvider data) {
        Rig rig = new Rig(data);
        ByteString request = ByteString.of(data.consumeRemainingAsBytes());
        String before = rig.device.stateDigest();

        Optional<IdeKmMessage> answer = rig.exchange(ProtocolId.IDE_KM, request)
                .map(bytes -> IdeKmCodec.decode(bytes, ReservedPolicy.REJECT).orElseThrow());

        boolean failed = answer.isEmpty() || answer.get() instanceof KpAck ack && ack.status() != KpAckStatus.SUCCESS;
        if (failed) {
            assertThat(rig.device.stateDigest()).as("state after %s answered %s", request.hex(), answer)
                    .isEqualTo(before);
        }
        rig.stack.close();
    }
}
