package io.tsmtck.api.spdm.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.wire.ByteString;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every one of the 200 secured messages of the recorded spdm-emu run is rebuilt byte for byte (DOE
 * header, session id, length, ciphertext, tag, DOE padding) by sealing its application message with
 * this kit's channel, and every one opens on the receiving channel to the message libspdm logged:
 * handshake and data keys, implicit sequence numbers per direction, three sessions of which two
 * share a session id one after the other and one is nested in another.
 */
class SecuredMessageVectorsTest {

    private static final RecordedRun RUN = RecordedRun.p384();

    @Test
    void everyRecordIsSealedByteForByteAndOpensToTheLoggedMessage() {
        Map<Integer, RecordedSession> byEstablishingFrame = new HashMap<>();
        for (JsonNode json : RUN.session()) {
            byEstablishingFrame.put(json.get("frames").get("established_at").asInt(), new RecordedSession(RUN, json));
        }
        Map<Long, SecureChannel[]> open = new HashMap<>();
        int checked = 0;
        for (JsonNode frame : RUN.frames) {
            RecordedSession established = byEstablishingFrame.get(frame.path("index").asInt(-1));
            if (established != null) {
                open.put(established.sessionId, new SecureChannel[] {
                    established.channel(SessionRole.REQUESTER), established.channel(SessionRole.RESPONDER)});
            }
            if (!"secured_spdm".equals(frame.path("kind").asText())) {
                continue;
            }
            boolean fromRequester = frame.get("direction").asText().startsWith("requester");
            ByteString payload = RecordedRun.hex(frame.get("payload_hex"));
            ByteString app = RecordedRun.hex(frame.get("app_message_hex"));
            long sessionId = Long.parseLong(frame.get("session_id").asText().substring(2), 16);
            SecureChannel[] pair = open.get(sessionId);
            SecureChannel sender = pair[fromRequester ? 0 : 1];
            SecureChannel receiver = pair[fromRequester ? 1 : 0];
            String where = "frame " + frame.get("index").asInt();

            SecuredMessage sealed = sender.seal(app).orElseThrow();
            assertThat(DoeObject.wrap(DoeObject.TYPE_SECURED_SPDM, sealed.encode()).encode().hex()).as(where)
                    .isEqualTo(payload.hex());
            DoeObject doe = DoeObject.decode(payload).orElseThrow();
            SecuredMessage record = SecuredMessage.decode(doe.data(), 3).orElseThrow();
            assertThat(receiver.open(record).orElseThrow()).as(where).isEqualTo(app);

            int code = app.get(1);
            if (code == 0x65 || code == 0x67) {
                pair[0].enterApplicationPhase(established(byEstablishingFrame, sessionId, frame).data);
                pair[1].enterApplicationPhase(established(byEstablishingFrame, sessionId, frame).data);
            } else if (code == 0x6C) {
                pair[0].end();
                pair[1].end();
                open.remove(sessionId);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(200);
        assertThat(open).as("sessions left open at the end of the run").isEmpty();
    }

    private static RecordedSession established(Map<Integer, RecordedSession> sessions, long sessionId, JsonNode frame) {
        int index = frame.get("index").asInt();
        List<Integer> before = sessions.keySet().stream().filter(i -> i < index
                && sessions.get(i).sessionId == sessionId).sorted().toList();
        return sessions.get(before.get(before.size() - 1));
    }
}
