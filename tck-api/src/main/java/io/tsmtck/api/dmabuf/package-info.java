/**
 * dma-bufs of VFIO device MMIO as importers see them: attach, map, revoke and move notification.
 *
 * <p>Nullness: no parameter or return value in this package is null.
 */
package io.tsmtck.api.dmabuf;
