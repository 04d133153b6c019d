package io.tsmtck.emu.host.kvm;

import io.tsmtck.api.errno.Result;
import io.tsmtck.api.vm.Kvm;
import io.tsmtck.api.vm.Vm;
import io.tsmtck.api.vm.VmId;
import io.tsmtck.api.vm.VmType;
import io.tsmtck.emu.faults.ResourceLedger;
import io.tsmtck.emu.stack.EmuContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code /dev/kvm} of one emulated stack: creates VMs and knows which are still alive.
 *
 * <p>Threading: safe for use from any thread.
 */
public final class EmuKvm implements Kvm {

    private final EmuContext context;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<VmId, VmObject> vms = new ConcurrentHashMap<>();

    public EmuKvm(EmuContext context) {
        this.context = context;
    }

    @Override
    public Result<Vm> createVm(VmType type) {
        return context.ledger().allocate(ResourceLedger.Kind.VM, () -> {
            VmObject object = new VmObject(new VmId(nextId.getAndIncrement()), type, context);
            vms.put(object.id(), object);
            return Result.ok(new EmuVm(object));
        });
    }

    @Override
    public boolean isAlive(VmId id) {
        VmObject object = vms.get(id);
        return object != null && object.isAlive();
    }

    /** The VM object behind a handle of this stack, or empty for a foreign or closed handle. */
    public static Optional<VmObject> objectOf(Vm vm) {
        return vm instanceof EmuVm emu ? emu.liveObject() : Optional.empty();
    }
}
