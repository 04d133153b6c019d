package io.tsmtck.api.pci;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.PciAddress;

/**
 * PCI hot removal and rescan: an optional test hook ({@link io.tsmtck.api.Capability#HOT_REMOVAL}),
 * since on a real host it takes a device away. On Linux, {@code echo 1 >
 * /sys/bus/pci/devices/<BDF>/remove} and {@code echo 1 > /sys/bus/pci/rescan}; the kit removes only
 * functions without an open VFIO file (the kernel would wait for them to close).
 *
 * <p><b>Threading.</b> Safe for use from any thread.
 */
public interface PciHotplug {

    /**
     * Removes the function ({@code pci_stop_and_remove_bus_device()}), and with PF0 its VFs; a DSM's
     * TSM context is torn down as at disconnect ({@code pci_tsm_destroy()}). Refused with
     * {@code ENODEV} for a function that is not present.
     */
    Result<Done> remove(PciAddress function);

    /** Rescans every bus ({@code /sys/bus/pci/rescan}): removed functions come back, fresh. */
    Result<Done> rescan();
}
