package io.tsmtck.api.topology;

import java.util.Objects;

/**
 * A selective IDE stream between a host bridge's root port and a DSM, set up by connect.
 *
 * @param streamId the stream id
 * @param dsm the device end
 * @param secure whether the stream is in the IDE Secure state (keys programmed and started)
 */
public record IdeStream(int streamId, PciAddress dsm, boolean secure) {

    public IdeStream {
        Objects.requireNonNull(dsm, "dsm");
        if (streamId < 0 || streamId > 0xFF) {
            throw new IllegalArgumentException("stream id is a u8: " + streamId);
        }
    }
}
