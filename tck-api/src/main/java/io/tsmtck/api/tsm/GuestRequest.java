package io.tsmtck.api.tsm;

import io.tsmtck.api.wire.ByteString;
import java.util.Objects;

/**
 * A request a confidential guest makes about its TDI, relayed by the host
 * ({@code pci_tsm_guest_req()}, {@code IOMMU_VDEVICE_TSM_REQ}).
 *
 * <p>The payload format is the vendor's. The kit speaks one portable format that every
 * implementation must translate: the payload is a TDISP request as the guest means it
 * ({@link io.tsmtck.api.tdisp.TdispCodec}-encoded). For START_INTERFACE_REQUEST the guest does not
 * know the nonce (it is a secret between the TSM and the device), so the kit sends it with a zero
 * nonce and the TSM completes it with the nonce of its lock, as the vendor firmware does when the
 * guest asks it to start the interface.
 *
 * @param scope the scope
 * @param payload the request
 */
public record GuestRequest(GuestRequestScope scope, ByteString payload) {

    public GuestRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(payload, "payload");
    }
}
