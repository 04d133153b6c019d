package io.tsmtck.emu.host.kvm;

import io.tsmtck.api.vm.Vm;
import io.tsmtck.api.vm.VmId;
import io.tsmtck.api.vm.VmType;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A VM fd: one reference to its {@link VmObject}, dropped once at close. */
public final class EmuVm implements Vm {

    private final VmObject object;
    private final AtomicBoolean closed = new AtomicBoolean();

    EmuVm(VmObject object) {
        this.object = object;
    }

    /** The VM object behind the fd while the fd is open, for layers that take their own reference. */
    Optional<VmObject> liveObject() {
        return closed.get() ? Optional.empty() : Optional.of(object);
    }

    @Override
    public VmId id() {
        return object.id();
    }

    @Override
    public VmType type() {
        return object.type();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            object.put();
        }
    }
}
