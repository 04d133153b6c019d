package io.tsmtck.emu.host.kvm;

import io.tsmtck.api.vm.VmId;
import io.tsmtck.api.vm.VmType;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.faults.ResourceLedger.Kind;
import io.tsmtck.emu.stack.EmuContext;

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
    private final EmuContext context;
    private int references = 1;

    VmObject(VmId id, VmType type, EmuContext context) {
        this.id = id;
        this.type = type;
        this.context = context;
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
        if (context.faults().inject(Fault.VM_NEVER_FREED, references == 1)) {
            return;
        }
        if (--references == 0) {
            context.ledger().free(Kind.VM);
        }
    }

    synchronized boolean isAlive() {
        return references > 0;
    }
}
