package io.tsmtck.api.vm;

import io.tsmtck.api.errno.Result;

/**
 * {@code /dev/kvm} of one stack instance.
 *
 * <p>Threading: safe for use from any thread.
 */
public interface Kvm {

    /**
     * Creates a VM ({@code KVM_CREATE_VM}). A stack whose vendor profile has no confidential VM
     * type refuses {@link VmType#CONFIDENTIAL} with {@code EINVAL}.
     */
    Result<Vm> createVm(VmType type);

    /** Whether the VM object still exists (some handle or kernel object holds it). */
    boolean isAlive(VmId id);
}
