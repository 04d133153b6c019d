/**
 * VFIO as the owner of an assigned function's MMIO: regions, mmaps, config space, resets and the
 * dma-buf export of MMIO ranges.
 *
 * <p>Nullness: no parameter or return value in this package is null.
 */
package io.tsmtck.api.vfio;
