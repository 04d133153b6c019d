package io.tsmtck.emu.host.tsm;

import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.tsm.GuestRequest;
import io.tsmtck.api.tsm.GuestResponse;
import io.tsmtck.api.vm.VmType;
import io.tsmtck.api.wire.ByteString;
import java.util.Optional;

/**
 * A vendor's link TSM behind the emulated PCI/TSM core: the counterpart of {@code struct
 * pci_tsm_ops} link ops (include/linux/pci-tsm.h). The core calls these with the DSM lock held and
 * does the generic bookkeeping (contexts, bindings, refusals the core defines); the back end does
 * what its firmware does.
 */
public interface TsmBackend {

    /** Which vendor this is. */
    VendorProfile profile();

    /** {@code probe()}: whether connect gives the function a TSM context. */
    boolean probes(PciFunction function);

    /** Whether a TDI may be bound to a VM of {@code type}; the refusal if not. */
    Result<Done> acceptsVm(VmType type);

    /** {@code connect()}: SPDM session and IDE stream are up; program and start the stream's keys. */
    Result<Done> connect(LinkChannel link, int stream);

    /** {@code disconnect()}: stop the stream's keys. */
    void disconnect(LinkChannel link, int stream);

    /** {@code bind()}: lock the TDI for the VM; returns the START nonce. */
    Result<ByteString> bind(LinkChannel link, PciFunction function, int stream, long tdiId);

    /** {@code unbind()}: stop the TDI and release what bind set up. Never fails. */
    void unbind(LinkChannel link, PciFunction function);

    /** {@code guest_req()}: a guest request for a bound TDI, in the kit's portable format. */
    Result<GuestResponse> guestRequest(LinkChannel link, PciFunction function, Optional<Binding> binding,
                                       GuestRequest request);
}
