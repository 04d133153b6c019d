package io.tsmtck.tck.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.tdisp.InterfaceId;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.TdispCapabilitiesResponse;
import io.tsmtck.api.tdisp.TdispHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report names the device's capabilities decoded, not as a record dump. */
class DeviceProbeTest {

    @Test
    void spdmCapabilitiesAreNamedFlagByFlagWithUnknownBitsKept() {
        assertThat(DeviceProbe.spdmCapabilities(0x0000_0206L)).isEqualTo("0x00000206: CERT_CAP, CHAL_CAP, KEY_EX_CAP");
        assertThat(DeviceProbe.spdmCapabilities(0x8000_0002L)).isEqualTo("0x80000002: CERT_CAP, unknown bits"
                + " 0x80000000");
        assertThat(DeviceProbe.spdmCapabilities(0)).isEqualTo("0x00000000: none");
    }

    @Test
    void tdispCapabilitiesNameTheRequestsTheyAdvertise() {
        TdispCapabilitiesResponse caps = new TdispCapabilitiesResponse(new TdispHeader(0x10, InterfaceId.of(0)),
                0x1, TdispCapabilitiesResponse.requestBitmap(List.of(MessageType.GET_TDISP_VERSION,
                        MessageType.LOCK_INTERFACE_REQUEST)), 0x1F, 52, 1, 1);

        assertThat(DeviceProbe.tdispCapabilities(caps)).isEqualTo("DSM_CAPS 0x00000001; requests supported:"
                + " GET_TDISP_VERSION, LOCK_INTERFACE_REQUEST; LOCK_INTERFACE_FLAGS_SUPPORTED 0x001F; DEV_ADDR_WIDTH 52;"
                + " NUM_REQ_THIS 1; NUM_REQ_ALL 1");
    }
}
