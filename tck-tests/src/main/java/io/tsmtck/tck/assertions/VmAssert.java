package io.tsmtck.tck.assertions;

import io.tsmtck.api.vm.VmId;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Vms;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a VM object of a host stack, in the kernel's terms: alive (KVM still holds it) or freed. Read
 * through the VM_LIFETIME test hook ({@link Vms}), so a stack without it is NOT_TESTED naming the hook.
 */
public final class VmAssert extends AbstractAssert<VmAssert, VmId> {

    private final HostSut sut;

    VmAssert(HostSut sut, VmId vm) {
        super(vm, VmAssert.class);
        this.sut = sut;
    }

    /** KVM still holds the VM. */
    public VmAssert isAlive() {
        return is(true);
    }

    /** KVM has freed the VM. */
    public VmAssert isFreed() {
        return is(false);
    }

    private VmAssert is(boolean alive) {
        isNotNull();
        boolean seen = Vms.isAlive(sut, actual);
        if (seen != alive) {
            String subject = "VM " + actual.value() + (descriptionText().isEmpty() ? "" : " (" + descriptionText() + ")");
            String expected = alive ? "alive" : "freed";
            String found = seen ? "alive: KVM still holds it" : "freed";
            failWithActualExpectedAndMessage(found, expected, Failures.message(subject, expected, found));
        }
        return this;
    }
}
