package io.tsmtck.api.spdm.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsmtck.api.spdm.algorithm.AeadAlgorithm;
import io.tsmtck.api.spdm.algorithm.HashAlgorithm;
import io.tsmtck.api.spdm.algorithm.SpdmVersion;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.WireWriter;

/**
 * One session of the recorded run, its transcripts rebuilt from the captured messages and its
 * secrets derived by this kit's key schedule (never read from keys.json, which the tests compare
 * against).
 */
final class RecordedSession {

    @Override
    public String toString() {
        return label + " (" + json.get("type").asText() + ")";
    }

    static final KeySchedule SCHEDULE = new KeySchedule(SpdmVersion.V1_2, HashAlgorithm.SHA_384,
            AeadAlgorithm.AES_256_GCM);

    final JsonNode json;
    final String label;
    final long sessionId;
    final ByteString prefix;
    final ByteString exchange;
    final ByteString exchangeResponse;
    final ByteString finish;
    final ByteString finishResponse;
    final HandshakeSecrets handshake;
    final DataSecrets data;

    RecordedSession(RecordedRun run, JsonNode json) {
        this.json = json;
        this.label = json.get("label").asText();
        this.sessionId = Long.parseLong(json.get("session_id").asText().substring(2), 16);
        this.exchange = RecordedRun.hex(json.get("exchange_request_hex"));
        this.exchangeResponse = RecordedRun.hex(json.get("exchange_response_hex"));
        this.finish = RecordedRun.hex(json.get("finish_request_plaintext_hex"));
        this.finishResponse = RecordedRun.hex(json.get("finish_response_plaintext_hex"));
        WireWriter prefixWriter = WireWriter.littleEndian().bytes(vca(run));
        boolean keyExchange = "key_exchange".equals(json.get("type").asText());
        if (keyExchange) {
            ByteString chain = RecordedRun.resource("certs/slot" + json.get("slot_id").asInt() + "_spdm_cert_chain.bin");
            prefixWriter.bytes(ByteString.of(HashAlgorithm.SHA_384.digest(chain.toByteArray())));
        }
        this.prefix = prefixWriter.toByteString();
        ByteString secret = RecordedRun.hex(json.get(keyExchange ? "dhe_secret" : "psk"));
        this.handshake = SCHEDULE.handshake(secret, hash(th1()));
        this.data = SCHEDULE.data(handshake, hash(th2()));
    }

    static ByteString vca(RecordedRun run) {
        WireWriter vca = WireWriter.littleEndian();
        run.plaintextFrames().stream().limit(6).forEach(f -> vca.bytes(RecordedRun.hex(f.get("spdm_message_hex"))));
        return vca.toByteString();
    }

    /** VCA ‖ [Hash(Ct)] ‖ exchange ‖ exchange response without ResponderVerifyData. */
    ByteString th1() {
        int h = HashAlgorithm.SHA_384.size();
        return concat(prefix, exchange, ByteString.copyOf(exchangeResponse.toByteArray(), 0,
                exchangeResponse.size() - h));
    }

    /** TH1's messages whole, then FINISH and FINISH_RSP. */
    ByteString th2() {
        return concat(prefix, exchange, exchangeResponse, finish, finishResponse);
    }

    SecureChannel channel(SessionRole role) {
        return new SecureChannel(sessionId, role, SCHEDULE, handshake);
    }

    static ByteString hash(ByteString bytes) {
        return ByteString.of(HashAlgorithm.SHA_384.digest(bytes.toByteArray()));
    }

    static ByteString concat(ByteString... parts) {
        WireWriter out = WireWriter.littleEndian();
        for (ByteString part : parts) {
            out.bytes(part);
        }
        return out.toByteString();
    }
}
