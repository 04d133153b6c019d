package io.tsmtck.emu.host.tsm;

import io.tsmtck.api.wire.ByteString;
import io.tsmtck.emu.host.kvm.VmObject;
import java.util.Optional;

/**
 * A bound TDI ({@code struct pci_tdi}): the VM it is bound to (holding a reference), the guest's id
 * for it, and the START nonce of its lock, a secret between the TSM and the device.
 *
 * @param vm the VM; empty only under the fault that lets bind run without one
 * @param tdiId the guest's virtual BDF
 * @param nonce START_INTERFACE_NONCE
 */
public record Binding(Optional<VmObject> vm, long tdiId, ByteString nonce) {
}
