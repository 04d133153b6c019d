package io.tsmtck.api.spdm.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsmtck.api.wire.ByteString;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The key schedule reproduces, from the DHE secret (or PSK) and the captured messages alone, every
 * transcript hash, label, secret, finished key, verify data and traffic key libspdm logged in the
 * recorded spdm-emu run (both KEY_EXCHANGE sessions and the PSK session).
 */
class KeyScheduleVectorsTest {

    private static final RecordedRun RUN = RecordedRun.p384();

    static Stream<RecordedSession> sessions() {
        return RUN.session().stream().map(json -> new RecordedSession(RUN, json));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void transcriptsAreRebuiltFromTheCapturedMessages(RecordedSession session) {
        assertThat(session.th1().hex()).as(session.label + " TH1").isEqualTo(text(session, "th1_transcript_hex"));
        assertThat(RecordedSession.hash(session.th1()).hex()).as(session.label + " TH1 hash")
                .isEqualTo(text(session, "th1_hash"));
        assertThat(session.th2().hex()).as(session.label + " TH2").isEqualTo(text(session, "th2_transcript_hex"));
        assertThat(RecordedSession.hash(session.th2()).hex()).as(session.label + " TH2 hash")
                .isEqualTo(text(session, "th2_hash"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void binStrLabelsAreTheLoggedOnes(RecordedSession session) {
        KeySchedule schedule = RecordedSession.SCHEDULE;
        ByteString th1 = RecordedSession.hash(session.th1());
        ByteString th2 = RecordedSession.hash(session.th2());
        JsonNode labels = session.json.get("bin_str");
        assertThat(schedule.binStr(48, "derived", ByteString.EMPTY).hex()).isEqualTo(labels.get("bin_str0_derived").asText());
        assertThat(schedule.binStr(48, "req hs data", th1).hex()).isEqualTo(labels.get("bin_str1_req_hs_data").asText());
        assertThat(schedule.binStr(48, "rsp hs data", th1).hex()).isEqualTo(labels.get("bin_str2_rsp_hs_data").asText());
        assertThat(schedule.binStr(48, "req app data", th2).hex()).isEqualTo(labels.get("bin_str3_req_app_data").asText());
        assertThat(schedule.binStr(48, "rsp app data", th2).hex()).isEqualTo(labels.get("bin_str4_rsp_app_data").asText());
        assertThat(schedule.binStr(32, "key", ByteString.EMPTY).hex()).isEqualTo(labels.get("bin_str5_key").asText());
        assertThat(schedule.binStr(12, "iv", ByteString.EMPTY).hex()).isEqualTo(labels.get("bin_str6_iv").asText());
        assertThat(schedule.binStr(48, "finished", ByteString.EMPTY).hex()).isEqualTo(labels.get("bin_str7_finished").asText());
        assertThat(schedule.binStr(48, "exp master", th2).hex()).isEqualTo(labels.get("bin_str8_exp_master").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void everySecretIsTheLoggedOne(RecordedSession session) {
        KeySchedule schedule = RecordedSession.SCHEDULE;
        assertThat(session.handshake.handshakeSecret().hex()).isEqualTo(text(session, "handshake_secret"));
        assertThat(session.handshake.request().hex()).isEqualTo(text(session, "request_handshake_secret"));
        assertThat(session.handshake.response().hex()).isEqualTo(text(session, "response_handshake_secret"));
        assertThat(schedule.finishedKey(session.handshake.request()).hex()).isEqualTo(text(session, "request_finished_key"));
        assertThat(schedule.finishedKey(session.handshake.response()).hex()).isEqualTo(text(session, "response_finished_key"));
        assertThat(session.data.masterSecret().hex()).isEqualTo(text(session, "master_secret"));
        assertThat(session.data.request().hex()).isEqualTo(text(session, "request_data_secret"));
        assertThat(session.data.response().hex()).isEqualTo(text(session, "response_data_secret"));
        assertThat(session.data.exportMaster().hex()).isEqualTo(text(session, "export_master_secret"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void everyTrafficKeyIsTheLoggedOne(RecordedSession session) {
        KeySchedule schedule = RecordedSession.SCHEDULE;
        JsonNode aead = session.json.get("aead");
        expectKeys(schedule.trafficKeys(session.handshake.request()), aead.get("request_handshake"));
        expectKeys(schedule.trafficKeys(session.handshake.response()), aead.get("response_handshake"));
        expectKeys(schedule.trafficKeys(session.data.request()), aead.get("request_application"));
        expectKeys(schedule.trafficKeys(session.data.response()), aead.get("response_application"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void bothVerifyDataHmacsCheckOut(RecordedSession session) {
        KeySchedule schedule = RecordedSession.SCHEDULE;
        int h = 48;
        ByteString responderVerify = ByteString.copyOf(session.exchangeResponse.toByteArray(),
                session.exchangeResponse.size() - h, h);
        assertThat(schedule.verifyData(schedule.finishedKey(session.handshake.response()),
                RecordedSession.hash(session.th1()))).isEqualTo(responderVerify);
        ByteString finishHeader = ByteString.copyOf(session.finish.toByteArray(), 0, 4);
        ByteString requesterVerify = ByteString.copyOf(session.finish.toByteArray(), 4, h);
        ByteString th = RecordedSession.concat(session.prefix, session.exchange, session.exchangeResponse, finishHeader);
        assertThat(schedule.verifyData(schedule.finishedKey(session.handshake.request()), RecordedSession.hash(th)))
                .isEqualTo(requesterVerify);
    }

    private static void expectKeys(TrafficKeys keys, JsonNode logged) {
        assertThat(keys.key().hex()).isEqualTo(logged.get("key").asText());
        assertThat(keys.ivSalt().hex()).isEqualTo(logged.get("iv_salt").asText());
    }

    private static String text(RecordedSession session, String field) {
        return session.json.get(field).asText();
    }
}
