package io.tsmtck.api.tsm;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.vm.Vm;
import java.util.Optional;

/**
 * The PCI/TSM core's in-kernel TDI operations called on a function directly, with any VM and any
 * TDI id: an optional test hook ({@link io.tsmtck.api.Capability#FUNCTION_TSM_OPS}). No uAPI
 * reaches them this way; userspace binds through the iommufd vdevice
 * ({@link io.tsmtck.api.iommufd.Iommufd#tsmOp}), which always passes the vIOMMU's VM and the
 * vdevice's {@code virt_id}. A kernel-backed adapter offers this hook through a test module of
 * its own that calls the exported functions of drivers/pci/tsm.c; the kit uses it to check the
 * core's own refusals (no VM, not connected, another VM) that the vdevice path cannot produce.
 *
 * <p><b>Threading.</b> Safe for use from any thread; serialised with the core's other operations
 * on the same DSM by the DSM lock.
 */
public interface TsmFunctionOps {

    /**
     * {@code pci_tsm_bind(pdev, kvm, tdi_id)}: creates the TDI and leaves it in CONFIG_LOCKED.
     * Refusals: no VM {@code EINVAL}; not connected {@code EINVAL}; bound to another VM
     * {@code EBUSY}; a TSM driver error as returned, with nothing left bound. Bound to the same VM
     * already: success without calling the driver again.
     *
     * @param vm the VM, empty to check the refusal
     * @param tdiId the guest's id of the TDI (its virtual BDF)
     */
    Result<Done> bind(PciAddress function, Optional<Vm> vm, long tdiId);

    /**
     * {@code pci_tsm_unbind()}: destroys the TDI (STOP, the device back in CONFIG_UNLOCKED). Never
     * refused and idempotent: unbinding an unbound function succeeds and calls nothing.
     */
    Result<Done> unbind(PciAddress function);
}
