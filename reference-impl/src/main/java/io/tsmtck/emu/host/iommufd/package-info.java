/**
 * The emulated iommufd: IOAS, HWPT, vIOMMU and vdevice objects, their destruction order, and the TSM
 * operations and requests on a vdevice (the posted iommufd TSM series).
 */
package io.tsmtck.emu.host.iommufd;
