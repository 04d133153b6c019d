package io.tsmtck.api.spdm.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsmtck.api.wire.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The session run recorded between DMTF's spdm_requester_emu and spdm_responder_emu over PCI DOE
 * (test resources {@code P384/}: frames.json, keys.json, certs/, with the README that says how they
 * were made).
 */
final class RecordedRun {

    private static final String BASE = "/io/tsmtck/api/spdm/session/P384/";

    final JsonNode keys;
    final List<JsonNode> frames;

    private RecordedRun(JsonNode keys, List<JsonNode> frames) {
        this.keys = keys;
        this.frames = frames;
    }

    static RecordedRun p384() {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> frames = new ArrayList<>();
        read(mapper, "frames.json").get("frames").forEach(frames::add);
        return new RecordedRun(read(mapper, "keys.json"), frames);
    }

    static ByteString resource(String name) {
        try (InputStream in = RecordedRun.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + BASE + name);
            }
            return ByteString.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ByteString hex(JsonNode node) {
        return ByteString.ofHex(node.asText());
    }

    List<JsonNode> session() {
        List<JsonNode> sessions = new ArrayList<>();
        keys.get("sessions").forEach(sessions::add);
        return sessions;
    }

    List<JsonNode> plaintextFrames() {
        return frames.stream().filter(f -> "spdm".equals(f.path("kind").asText())).toList();
    }

    List<JsonNode> securedFrames() {
        return frames.stream().filter(f -> "secured_spdm".equals(f.path("kind").asText())).toList();
    }

    private static JsonNode read(ObjectMapper mapper, String name) {
        try {
            return mapper.readTree(resource(name).toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
