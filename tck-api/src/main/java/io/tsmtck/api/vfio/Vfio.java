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
     * Opens the function's cdev. Refusals: a function the stack does not have {@code ENODEV}; a
     * device already open {@code EBUSY}.
     */
    Result<VfioDevice> open(PciAddress function);
}
