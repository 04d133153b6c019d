/**
 * The emulated PCI/TSM core: connect, disconnect, bind and unbind as drivers/pci/tsm.c does them, its sysfs
 * attributes, and the guest requests it relays.
 */
package io.tsmtck.emu.host.tsm;
