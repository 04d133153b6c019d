package io.tsmtck.api.dmabuf;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;

/**
 * A dma-buf exported from a VFIO device's MMIO ({@code VFIO_DEVICE_FEATURE_DMA_BUF},
 * drivers/vfio/pci/vfio_pci_dmabuf.c). It is how private MMIO reaches KVM and peer devices: the
 * January 2025 dri-devel message asks for "host unaccessible dma-buf for private device", so the
 * host CPU can never touch it.
 *
 * <p>States: ACTIVE while the device's memory decode (MSE) is on; REVOKED while it is off, around
 * a reset and around a TSM bind; REVOKED for good once the VFIO device is closed. Revoke and
 * restore happen under the device's {@code memory_lock} held for write.
 *
 * <p>Lifecycle: {@link #close()} drops the file; the buffer then holds no device reference. A
 * buffer outliving its device stays valid as a handle but unusable.
 *
 * <p>Threading: safe for use from any thread.
 */
public interface DmaBuf extends AutoCloseable {

    /**
     * The dma-buf's size: the bytes of the exported ranges summed ({@code lseek(fd, 0, SEEK_END)} of
     * the dma-buf fd, which reads {@code dmabuf->size}).
     */
    long size();

    /**
     * Attaches an importer. Refused with {@code EOPNOTSUPP} for an importer without peer-to-peer
     * and with {@code ENODEV} while revoked.
     */
    Result<DmaBufAttachment> attach(Importer importer);

    /**
     * Host CPU access to the buffer ({@code mmap} of the dma-buf file, {@code dma_buf_vmap()}).
     * Refused for MMIO of a device with a bound TDI (private MMIO); the kit accepts any errno.
     */
    Result<Done> cpuAccess();

    /** Closes the dma-buf file. Closing twice is harmless. */
    @Override
    void close();
}
