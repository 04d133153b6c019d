package io.tsmtck.api.spdm.dissect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.message.MessageSizes;
import io.tsmtck.api.tdisp.DeviceInterfaceStateResponse;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeError;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import io.tsmtck.api.wire.WireWriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One call per unit of traffic: every socket frame of the recorded spdm-emu run is dissected to the
 * layer it stops at (TEST and SHUTDOWN frames, discovery, SPDM, secured records), every decrypted
 * PCI-SIG message down to TDISP or IDE_KM, and the socket worked example of tdisp.md down to its
 * TDI state.
 */
class DissectorTest {

    private static final MessageSizes P384 = new MessageSizes(48, 96, 96, true, false);

    @Test
    void everyRecordedFrameIsDissectedToItsLayer() throws IOException {
        Map<String, Integer> kinds = new HashMap<>();
        for (JsonNode frame : frames()) {
            if (!frame.has("command")) {
                continue;
            }
            ByteString payload = ByteString.ofHex(frame.get("payload_hex").asText());
            ByteString bytes = WireWriter.bigEndian().u32(Long.decode(frame.get("command").asText()))
                    .u32(frame.get("transport_type").asLong()).u32(payload.size()).bytes(payload).toByteString();
            DecodeResult<Dissection> dissected = Dissector.frame(bytes, P384, ReservedPolicy.REJECT);
            String kind = frame.get("kind").asText();
            String name = frame.path("spdm_message_name").asText();
            if (name.startsWith("PSK_")) {
                assertThat(dissected.failure().map(DecodeError::reason)).as("PSK is not implemented")
                        .contains(DecodeError.Reason.UNKNOWN_CODE);
                continue;
            }
            Dissection dissection = dissected.orElseThrow();
            Object expected = switch (kind) {
                case "platform_test", "platform_shutdown" -> "none";
                case "doe_discovery" -> Payload.Discovery.class;
                case "secured_spdm" -> Payload.Secured.class;
                default -> Payload.Spdm.class;
            };
            if ("none".equals(expected)) {
                assertThat(dissection.doe()).as("frame %s", frame.get("index")).isEmpty();
            } else {
                assertThat(dissection.payload().orElseThrow()).as("frame %s", frame.get("index"))
                        .isInstanceOf((Class<?>) expected);
            }
            kinds.merge(kind, 1, Integer::sum);
        }
        assertThat(kinds).containsEntry("secured_spdm", 200).containsEntry("doe_discovery", 6);
    }

    @Test
    void everyDecryptedPciSigMessageReachesTdispOrIdeKm() throws IOException {
        int tdisp = 0;
        int ideKm = 0;
        for (JsonNode frame : frames()) {
            JsonNode vendor = frame.path("vendor_defined");
            if (vendor.isMissingNode() || !"0x0001".equals(vendor.path("vendor_id").asText())) {
                continue;
            }
            Payload payload = Dissector.spdm(ByteString.ofHex(frame.get("app_message_hex").asText()), P384,
                    ReservedPolicy.REJECT).orElseThrow();
            if (vendor.get("protocol_id").asInt() == 1) {
                assertThat(payload).isInstanceOf(Payload.Tdisp.class);
                tdisp++;
            } else if (vendor.get("protocol_id").asInt() == 0) {
                assertThat(payload).isInstanceOf(Payload.IdeKm.class);
                ideKm++;
            }
        }
        assertThat(tdisp).isPositive();
        assertThat(ideKm).isPositive();
    }

    @Test
    void theSocketWorkedExampleOfTheChapterNotesReachesTheTdiState() {
        ByteString received = ByteString.ofHex("00000001 00000002 00000028 01000100 0a000000 127e0000 0300 02 0100"
                + " 1200 01 10050000 efbe0000 0000000000000000 00 000000");
        Payload payload = Dissector.frame(received, MessageSizes.none(), ReservedPolicy.REJECT).orElseThrow()
                .payload().orElseThrow();
        assertThat(payload).isInstanceOfSatisfying(Payload.Tdisp.class, tdisp -> {
            assertThat(tdisp.message().header().interfaceId().requesterId()).isEqualTo(0xBEEF);
            assertThat(((DeviceInterfaceStateResponse) tdisp.message()).state()).isEqualTo(TdiState.CONFIG_UNLOCKED);
            assertThat(tdisp.message().type()).isEqualTo(MessageType.DEVICE_INTERFACE_STATE);
        });
    }

    @Test
    void theFirstLayerThatDoesNotDecodeIsTheFailure() {
        ByteString badDoe = ByteString.ofHex("00000001 00000002 00000008 01000100 05000000");
        assertThat(Dissector.frame(badDoe, MessageSizes.none(), ReservedPolicy.REJECT).failure().orElseThrow()
                .message()).isEqualTo("DOE object");
        ByteString truncatedTdisp = DoeObject.wrap(DoeObject.TYPE_SPDM,
                ByteString.ofHex("12fe0000 0300 02 0100 0300 01 1005")).encode();
        DecodeError error = Dissector.doe(truncatedTdisp, MessageSizes.none(), ReservedPolicy.REJECT).failure()
                .orElseThrow();
        assertThat(error.message()).isEqualTo("DEVICE_INTERFACE_STATE");
        assertThat(error.reason()).isEqualTo(DecodeError.Reason.TRUNCATED);
    }

    private static JsonNode frames() throws IOException {
        try (InputStream in = DissectorTest.class.getResourceAsStream("/io/tsmtck/api/spdm/session/P384/frames.json")) {
            return new ObjectMapper().readTree(in).get("frames");
        }
    }
}
