package io.tsmtck.api.pci;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.PciAddress;
import java.util.List;

/**
 * A PF's virtual functions, enabled and disabled: an optional test hook
 * ({@link io.tsmtck.api.Capability#SRIOV_NUMVFS}). On Linux, the PF's {@code sriov_numvfs} file
 * ({@code sriov_numvfs_store()} in drivers/pci/iov.c) and its {@code virtfnN} links. The topology
 * lists every VF the PF can have; a disabled VF is absent until enabled again.
 *
 * <p><b>Threading.</b> Safe for use from any thread.
 */
public interface PciSriov {

    /**
     * The VFs now enabled on {@code pf}, in VF order (the {@code virtfnN} links); empty when none are
     * or when {@code pf} has no SR-IOV capability.
     */
    List<PciAddress> enabledVfs(PciAddress pf);

    /**
     * Writes {@code count} to {@code pf}'s {@code sriov_numvfs}. 0 disables every VF (each is removed
     * and its TSM context destroyed, {@code pci_tsm_destroy()}); a count enables VFs 0 to count - 1
     * (each added device gets a TSM context if its DSM is connected, {@code pci_tsm_init()}). The
     * current count again is a no-op; another nonzero count while VFs are enabled is {@code EBUSY};
     * above TotalVFs {@code ERANGE}; a function without SR-IOV {@code ENOENT} (no such file).
     */
    Result<Done> setNumVfs(PciAddress pf, int count);
}
