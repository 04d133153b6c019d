package io.tsmtck.api.spdm.dissect;

import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.spdm.SocketFrame;
import java.util.Objects;
import java.util.Optional;

/**
 * Every layer of one decoded unit of traffic: the socket frame (when there was one), the DOE object
 * (absent for a frame that carries none, such as SHUTDOWN or TEST), and the innermost payload.
 *
 * @param frame the SPDM socket frame, for bytes read from a socket
 * @param doe the DOE data object
 * @param payload what the object carries
 */
public record Dissection(Optional<SocketFrame> frame, Optional<DoeObject> doe, Optional<Payload> payload) {

    public Dissection {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(doe, "doe");
        Objects.requireNonNull(payload, "payload");
    }
}
