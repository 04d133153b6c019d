package io.tsmtck.emu;

import io.tsmtck.api.errno.Result;
import io.tsmtck.api.vm.Kvm;
import io.tsmtck.api.vm.Vm;
import io.tsmtck.api.vm.VmId;
import io.tsmtck.api.vm.VmType;
import io.tsmtck.emu.stack.Handles;

/** The stack's KVM, remembering every VM fd so that closing the stack closes them. */
final class TrackingKvm implements Kvm {

    private final Kvm kvm;
    private final Handles handles;

    TrackingKvm(Kvm kvm, Handles handles) {
        this.kvm = kvm;
        this.handles = handles;
    }

    @Override
    public Result<Vm> createVm(VmType type) {
        return kvm.createVm(type).map(handles::track);
    }

    @Override
    public boolean isAlive(VmId id) {
        return kvm.isAlive(id);
    }
}
