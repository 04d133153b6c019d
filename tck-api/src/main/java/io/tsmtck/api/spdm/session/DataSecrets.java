package io.tsmtck.api.spdm.session;

import io.tsmtck.api.wire.ByteString;
import java.util.Objects;

/**
 * The application-phase secrets of a session (DSP0274 "Key schedule").
 *
 * @param masterSecret HKDF-Extract(salt_1, 0^H), salt_1 = HKDF-Expand(handshake secret, "derived")
 * @param request request-direction data secret ("req app data", TH2)
 * @param response response-direction data secret ("rsp app data", TH2)
 * @param exportMaster the export master secret ("exp master", TH2)
 */
public record DataSecrets(ByteString masterSecret, ByteString request, ByteString response, ByteString exportMaster) {

    public DataSecrets {
        Objects.requireNonNull(masterSecret, "masterSecret");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(exportMaster, "exportMaster");
    }
}
