package io.tsmtck.api.vfio;

/**
 * One range of a dma-buf export ({@code struct vfio_region_dma_range}). Any values can be sent, so
 * that the kit can check the uAPI's validation.
 *
 * @param offset offset into the region
 * @param length length in bytes
 */
public record DmaBufRange(long offset, long length) {
}
