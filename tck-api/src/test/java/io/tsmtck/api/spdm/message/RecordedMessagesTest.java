package io.tsmtck.api.spdm.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.DecodeResult;
import io.tsmtck.api.wire.ReservedPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SPDM message of the recorded spdm-emu run (the plaintext ones from their DOE objects with
 * the pad, the secured ones as libspdm decrypted them) decodes strictly and encodes back to the same
 * bytes. PSK_EXCHANGE and PSK_FINISH, which this kit does not implement, are left out.
 */
class RecordedMessagesTest {

    private static final MessageSizes P384 = new MessageSizes(48, 96, 96, true, false);
    private static final Set<Integer> NOT_IMPLEMENTED = Set.of(0xE6, 0x66, 0xE7, 0x67);

    static Stream<Recorded> messages() throws IOException {
        JsonNode frames;
        try (InputStream in = RecordedMessagesTest.class.getResourceAsStream(
                "/io/tsmtck/api/spdm/session/P384/frames.json")) {
            frames = new ObjectMapper().readTree(in).get("frames");
        }
        List<Recorded> recorded = new ArrayList<>();
        for (JsonNode frame : frames) {
            String kind = frame.path("kind").asText();
            if ("spdm".equals(kind)) {
                recorded.add(new Recorded(frame.get("index").asInt(), frame.get("spdm_message_name").asText(),
                        ByteString.ofHex(frame.get("spdm_message_hex").asText()),
                        DoeObject.decode(ByteString.ofHex(frame.get("payload_hex").asText())).orElseThrow().data()));
            } else if ("secured_spdm".equals(kind)) {
                ByteString app = ByteString.ofHex(frame.get("app_message_hex").asText());
                recorded.add(new Recorded(frame.get("index").asInt(), frame.get("app_message_name").asText(), app, app));
            }
        }
        return recorded.stream().filter(r -> !NOT_IMPLEMENTED.contains(r.message.get(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void decodesStrictlyAndEncodesBackToTheSameBytes(Recorded recorded) {
        int padding = recorded.carried.size() - recorded.message.size();
        DecodeResult<SpdmMessage> decoded = SpdmCodec.decode(recorded.carried, P384, ReservedPolicy.REJECT, padding);
        assertThat(decoded.isDecoded()).as("%s: %s", recorded, decoded).isTrue();
        SpdmMessage message = decoded.orElseThrow();
        assertThat(message.code().name()).isEqualTo(recorded.name);
        assertThat(message.encode()).isEqualTo(recorded.message);
    }

    record Recorded(int frame, String name, ByteString message, ByteString carried) {
        @Override
        public String toString() {
            return "frame " + frame + " " + name;
        }
    }
}
