package io.tsmtck.api.tsm;

import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.wire.ByteString;
import java.util.Objects;
import java.util.Optional;

/**
 * What a guest request returned once it reached the TSM. {@code pci_tsm_guest_req()} returns 0, a
 * negative errno or a positive residue, and the TSM's own status code comes back even on failure.
 *
 * @param payload the response (for the kit's portable format, a TDISP response)
 * @param error the errno when the TSM failed the request
 * @param residue bytes of the response that did not fit
 * @param tsmStatus the TSM's (firmware's) own status code
 */
public record GuestResponse(ByteString payload, Optional<Errno> error, long residue, long tsmStatus) {

    public GuestResponse {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(error, "error");
        if (residue < 0) {
            throw new IllegalArgumentException("residue is not negative: " + residue);
        }
    }

    /** A complete, successful response. */
    public static GuestResponse of(ByteString payload) {
        return new GuestResponse(payload, Optional.empty(), 0, 0);
    }
}
