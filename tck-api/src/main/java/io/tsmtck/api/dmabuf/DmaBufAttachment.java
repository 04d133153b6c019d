package io.tsmtck.api.dmabuf;

import io.tsmtck.api.errno.Result;

/**
 * An attachment of an importer the adapter drives to a {@link DmaBuf}: the kit sees a revoke the
 * way an importer does, never by asking the exporter. On Linux the natural importer is iommufd
 * ({@code IOMMU_IOAS_MAP_FILE} of the dma-buf fd into an IOAS): a revoke unmaps the area, and a
 * revoked buffer is refused. A driver importer ({@code dma_buf_dynamic_attach()}) sees the same
 * through its {@code move_notify}.
 *
 * <p>Lifecycle: made by {@link DmaBuf#attach}; {@link #close()} detaches (unmapping).
 *
 * <p>Threading: safe for use from any thread; the importer learns of a revoke before the revoking
 * operation returns.
 */
public interface DmaBufAttachment extends AutoCloseable {

    /**
     * Maps the buffer for DMA (iommufd: {@code IOMMU_IOAS_MAP_FILE}). Refused with {@code ENODEV}
     * while the buffer is revoked.
     */
    Result<DmaMapping> map();

    /**
     * Whether the mapping the last successful {@link #map()} made still stands. A revoke takes it
     * away (the importer unmaps); a restore does not bring it back: the importer maps again. A test
     * hook ({@link io.tsmtck.api.Capability#DMABUF_MAPPING}): no uAPI shows it, and the kit calls it
     * only on a stack that declares the capability.
     */
    boolean isMapped();

    /** Detaches. Closing twice is harmless. */
    @Override
    void close();
}
