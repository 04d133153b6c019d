/**
 * The emulated PCI bus the host stack sees: functions, hot removal and rescan, reset methods and SR-IOV.
 */
package io.tsmtck.emu.host.pci;
