/**
 * The device kit's transports to a device: the SPDM socket protocol (spdm-emu, QEMU) and the DOE mailbox in a
 * function's configuration space through sysfs.
 */
package io.tsmtck.tck.transport;
