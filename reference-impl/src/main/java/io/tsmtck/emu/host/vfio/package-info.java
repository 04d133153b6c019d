/**
 * The emulated VFIO: device cdevs, BAR mmaps, configuration space, resets and the dma-bufs a device exports,
 * with the revokes a bind, a decode change or a reset makes.
 */
package io.tsmtck.emu.host.vfio;
