package io.tsmtck.api.vm;

import io.tsmtck.api.errno.Result;

/**
 * {@code /dev/kvm} of one stack instance.
 *
 * <p>Threading: safe for use from any thread.
 */
public interface Kvm {

    /**
     * Creates a VM ({@code KVM_CREATE_VM}) and, for {@link VmType#CONFIDENTIAL}, everything the vendor's
     * TSM bind needs of it: {@code KVM_CREATE_VM} alone is not enough. AMD SEV-TIO: the SEV-SNP VM type
     * and {@code KVM_SEV_INIT2} (the posted {@code tdi_bind()} refuses a VM without SEV-ES state with
     * {@code ENOSYS}); Intel TDX Connect and Arm CCA: their confidential VM types, and what their posted binds
     * need of the VM besides (the kit has not read it from their series).
     * A stack whose vendor profile has no confidential VM type refuses {@link VmType#CONFIDENTIAL} with
     * {@code EINVAL}.
     */
    Result<Vm> createVm(VmType type);

    /**
     * Whether the VM object still exists (some handle or kernel object holds it). A test hook
     * ({@link io.tsmtck.api.Capability#VM_LIFETIME}): the kit asks only a stack that declares it, since
     * no uAPI answers it.
     */
    boolean isAlive(VmId id);
}
