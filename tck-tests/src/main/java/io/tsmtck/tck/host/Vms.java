package io.tsmtck.tck.host;

import io.tsmtck.api.Capability;
import io.tsmtck.api.vm.VmId;

/**
 * Whether a VM object still exists: a test hook ({@link Capability#VM_LIFETIME}), since no uAPI
 * answers it. A test asks it only after the clauses the uAPI shows, so that a stack without the hook
 * still fails those and is NOT_TESTED, naming the hook, for the rest.
 */
public final class Vms {

    private Vms() {
    }

    /** Whether VM {@code vm} of {@code sut}'s stack is alive; NOT_TESTED unless the stack declares the hook. */
    public static boolean isAlive(HostSut sut, VmId vm) {
        sut.require(Capability.VM_LIFETIME);
        return sut.stack().kvm().isAlive(vm);
    }
}
