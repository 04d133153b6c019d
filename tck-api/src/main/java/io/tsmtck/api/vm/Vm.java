package io.tsmtck.api.vm;

/**
 * A VM file descriptor ({@code KVM_CREATE_VM}).
 *
 * <p>Lifecycle: created by {@link Kvm#createVm}; {@link #close()} drops the caller's reference
 * only. The VM object lives on while a vIOMMU holds it (the vIOMMU takes a reference at
 * allocation and drops it at destroy; January 2025 dri-devel message, "the kvm pointer should be
 * passed to iommufd during the creation of a viommu object"), and {@link Kvm#isAlive} tells
 * whether it does. Closing twice is harmless.
 *
 * <p>Threading: safe for use from any thread.
 */
public interface Vm extends AutoCloseable {

    /** The VM object's identity. */
    VmId id();

    /** Legacy or confidential. */
    VmType type();

    /** Drops this handle's reference to the VM. */
    @Override
    void close();
}
