package io.tsmtck.api;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;

/**
 * One device of a fixed host in inventory mode ({@link TsmStackProvider#inventory()}): a DSM with
 * its functions, behind a stack that lives as long as the provider. The kit runs one test at a
 * time on it and never closes its stack.
 *
 * <p><b>The reset contract.</b> After each test the kit closes every handle the test was given,
 * then calls {@link #reset()}, then checks that the device is clean: no DSM connected, no function
 * bound, every function's VFIO cdev free to open and bind. A reset that is refused, throws, or
 * leaves the device unclean takes the device out of the run: its remaining tests are NOT_TESTED
 * with the reason, instead of failing one after another on a dirty device.
 *
 * <p><b>Threading.</b> Called by one thread at a time.
 */
public interface FixedDevice {

    /** A name for reports ("0000:3b:00.0 ACME NIC, slot 2"). */
    String name();

    /** The vendor profile the device's TSM implements (one of the provider's declared profiles). */
    VendorProfile profile();

    /** The stack in front of the device: the same object for the provider's life. */
    HostStack stack();

    /**
     * Brings the device back to its clean state after a test, whatever the test did: TDIs unbound,
     * DSMs disconnected, VMs and iommufds released, the functions' configuration as it was (a
     * function reset where needed). Refused, with the reason, if it cannot.
     */
    Result<Done> reset();
}
