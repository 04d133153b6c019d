package io.tsmtck.emu.host.kvm;

import io.tsmtck.api.vm.VmId;
import io.tsmtck.api.vm.VmType;
import io.tsmtck.emu.faults.ResourceLedger;

/**
 * The kernel's VM object ({@code struct kvm}) with its reference count: the VM fd holds one, as do
 * a VFIO device it was associated with ({@code kvm_get_kvm()}) and a vIOMMU allocated for it. The
 * object is freed when the last reference goes.
 *
 * <p>Threading: reference counting is synchronised on the object.
 */
public final class VmObject {

    private final VmId id;
    private final VmType type;
    private final ResourceLedger ledger;
    private final boolean neverFreed;
    private int references = 1;

    VmObject(VmId id, VmType type, ResourceLedger ledger, boolean neverFreed) {
        this.id = id;
        this.type = type;
        this.ledger = ledger;
        this.neverFreed = neverFreed;
    }

    public VmId id() {
        return id;
    }

    public VmType type() {
        return type;
    }

    /** Takes a reference ({@code kvm_get_kvm()}). */
    public synchronized VmObject get() {
        if (references == 0) {
            throw new IllegalStateException(id + " is already freed");
        }
        references++;
        return this;
    }

    /** Drops a reference ({@code kvm_put_kvm()}); the last one frees the VM. */
    public synchronized void put() {
        if (references == 0) {
            throw new IllegalStateException(id + " is already freed");
        }
        if (references == 1 && neverFreed) {
            return;
        }
        if (--references == 0) {
            ledger.free(ResourceLedger.Kind.VM);
        }
    }

    synchronized boolean isAlive() {
        return references > 0;
    }
}
