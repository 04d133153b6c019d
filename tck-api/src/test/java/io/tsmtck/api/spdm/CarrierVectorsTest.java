package io.tsmtck.api.spdm;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.idekm.KeySubStream;
import io.tsmtck.api.idekm.KpAck;
import io.tsmtck.api.idekm.KpAckStatus;
import io.tsmtck.api.tdisp.DeviceInterfaceStateResponse;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.InterfaceId;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispCodec;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.wire.ByteString;
import org.junit.jupiter.api.Test;

/** The vectors of the carriers: the SPDM vendor-defined wrapper, IDE_KM, and the socket example. */
class CarrierVectorsTest {

    private static final TdispHeader BEEF = TdispHeader.v10(InterfaceId.of(0xBEEF));

    private static final ByteString SENT = ByteString.ofHex("00000001 00000002 00000024"
            + "01000100 09000000" + "12fe0000 0300 02 0100 1100 01" + "10850000 efbe0000 0000000000000000");
    private static final ByteString RECEIVED = ByteString.ofHex("00000001 00000002 00000028"
            + "01000100 0a000000" + "127e0000 0300 02 0100 1200 01" + "10050000 efbe0000 0000000000000000 00"
            + "000000");

    @Test
    void wrapsGetTdispVersionInAnSpdm12VendorDefinedRequest() {
        ByteString getVersion = HeaderOnlyMessage.getVersion(BEEF).encode();

        ByteString wrapped = VendorDefinedMessage.request(ProtocolId.TDISP, getVersion).encode();

        assertThat(wrapped).isEqualTo(ByteString.ofHex("12 fe 00 00 03 00 02 01 00 11 00 01"
                + " 10 81 00 00 ef be 00 00 00 00 00 00 00 00 00 00"));
        assertThat(VendorDefinedMessage.decode(wrapped).orElseThrow())
                .isEqualTo(VendorDefinedMessage.request(ProtocolId.TDISP, getVersion));
    }

    @Test
    void encodesAKpAckSuccessWithItsProtocolId() {
        KeySubStream k0RxPr = new KeySubStream(KeySubStream.KeySet.K0, KeySubStream.Direction.RX,
                KeySubStream.SubStream.PR);
        ByteString ack = new KpAck(0, KpAckStatus.SUCCESS, k0RxPr, 0).encode();

        ByteString withProtocolId = ByteString.ofHex("00" + ack.hex());

        assertThat(withProtocolId).isEqualTo(ByteString.ofHex("00 03 00 00 00 00 00 00"));
    }

    @Test
    void buildsTheWorkedSocketExampleForGetDeviceInterfaceState() {
        ByteString spdm = VendorDefinedMessage.request(ProtocolId.TDISP, HeaderOnlyMessage.getState(BEEF).encode())
                .encode();
        ByteString doe = DoeObject.wrap(DoeObject.TYPE_SPDM, spdm).encode();

        ByteString frame = new SocketFrame(SocketFrame.Command.NORMAL, SocketFrame.TRANSPORT_PCI_DOE, doe).encode();

        assertThat(frame).isEqualTo(SENT);
    }

    @Test
    void readsTheWorkedSocketAnswerAsConfigUnlocked() {
        SocketFrame frame = SocketFrame.decode(RECEIVED).orElseThrow();
        DoeObject doe = DoeObject.decode(frame.payload()).orElseThrow();
        VendorDefinedMessage spdm = VendorDefinedMessage.decode(doe.data(), 3).orElseThrow();

        assertThat(frame.command()).isEqualTo(SocketFrame.Command.NORMAL);
        assertThat(doe.type()).isEqualTo(DoeObject.TYPE_SPDM);
        assertThat(spdm.request()).isFalse();
        assertThat(spdm.protocol()).isEqualTo(ProtocolId.TDISP);
        assertThat(TdispCodec.decode(spdm.body()).orElseThrow())
                .isEqualTo(new DeviceInterfaceStateResponse(BEEF, TdiState.CONFIG_UNLOCKED));
    }

    @Test
    void theWorkedAnswerRoundTripsThroughTheEncoders() {
        ByteString spdm = VendorDefinedMessage.response(ProtocolId.TDISP,
                new DeviceInterfaceStateResponse(BEEF, TdiState.CONFIG_UNLOCKED).encode()).encode();

        ByteString frame = new SocketFrame(SocketFrame.Command.NORMAL, SocketFrame.TRANSPORT_PCI_DOE,
                DoeObject.wrap(DoeObject.TYPE_SPDM, spdm).encode()).encode();

        assertThat(frame).isEqualTo(RECEIVED);
    }
}
