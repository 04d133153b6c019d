package io.tsmtck.api.vfio;

import java.util.List;

/**
 * The argument of {@code VFIO_DEVICE_FEATURE_DMA_BUF} ({@code struct vfio_device_feature_dma_buf}).
 *
 * @param regionIndex the BAR's region index
 * @param flags must be 0
 * @param ranges the ranges to export, at least one
 */
public record DmaBufRequest(int regionIndex, long flags, List<DmaBufRange> ranges) {

    public DmaBufRequest {
        ranges = List.copyOf(ranges);
    }

    /** One range of {@code regionIndex} with no flags. */
    public static DmaBufRequest of(int regionIndex, long offset, long length) {
        return new DmaBufRequest(regionIndex, 0, List.of(new DmaBufRange(offset, length)));
    }
}
