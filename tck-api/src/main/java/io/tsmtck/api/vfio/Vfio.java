package io.tsmtck.api.vfio;

import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.PciAddress;

/**
 * The VFIO device cdevs of one stack instance.
 *
 * <p>Threading: safe for use from any thread.
 */
public interface Vfio {

    /**
     * Opens the function's cdev: a new file each time, even while another is open (Linux refuses
     * the second at {@link VfioCdev#bindIommufd}, not here). Refusals: a function the stack does
     * not have {@code ENODEV}.
     */
    Result<VfioCdev> open(PciAddress function);
}
