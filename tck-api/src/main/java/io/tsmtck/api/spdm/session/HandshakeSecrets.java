package io.tsmtck.api.spdm.session;

import io.tsmtck.api.wire.ByteString;
import java.util.Objects;

/**
 * The handshake-phase secrets of a session (DSP0274 "Key schedule").
 *
 * @param handshakeSecret HKDF-Extract(0^H, DHE secret or PSK)
 * @param request request-direction handshake secret ("req hs data", TH1)
 * @param response response-direction handshake secret ("rsp hs data", TH1)
 */
public record HandshakeSecrets(ByteString handshakeSecret, ByteString request, ByteString response) {

    public HandshakeSecrets {
        Objects.requireNonNull(handshakeSecret, "handshakeSecret");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
    }
}
