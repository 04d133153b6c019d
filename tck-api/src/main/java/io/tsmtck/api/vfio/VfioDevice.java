package io.tsmtck.api.vfio;

import io.tsmtck.api.dmabuf.DmaBuf;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.iommufd.ObjectId;
import io.tsmtck.api.topology.PciAddress;
import java.util.List;

/**
 * A VFIO device cdev bound to an iommufd ({@link VfioCdev#bindIommufd},
 * drivers/vfio/pci/vfio_pci_core.c): the owner of the function's MMIO. It tracks userspace mmaps, exports MMIO as dma-bufs, and guards
 * both with {@code memory_lock}.
 *
 * <p><b>Duties towards a bound TDI</b> (January 2025 dri-devel message): a bind is refused while
 * any BAR is mmapped; around a bind every dma-buf is revoked under {@code memory_lock} held for
 * write and restored afterwards only if memory decode is still enabled; private MMIO reaches KVM
 * only as a dma-buf the host CPU cannot access.
 *
 * <p><b>Lifecycle.</b> {@link #close()} destroys the device's vdevice (unbinding its TDI), revokes
 * every dma-buf for good, unmaps every mmap, and drops the VM reference. The order of unbind and
 * disable is not mainline's to give yet: mainline's {@code vfio_df_device_last_close()} calls
 * {@code close_device} (which disables the device, clearing MSE/BME) before the iommufd unbind,
 * while Xu Yilun's RFC "vfio/pci: Do TSM Unbind before zapping bars" (2025-05-29) unbinds first, in
 * {@code vfio_pci_core_close_device()} before {@code vfio_pci_core_disable()} (VFIO-20, a SHOULD
 * that rests on that RFC). Afterwards every method but
 * {@link #address()} and {@link #close()} is refused with {@code ENODEV}. Closing twice is
 * harmless.
 *
 * <p><b>Threading.</b> Safe for use from any thread; mmap, config writes that change memory
 * decode, resets, exports and revokes serialise on the device's {@code memory_lock}.
 */
public interface VfioDevice extends AutoCloseable {

    /** The function this device is. */
    PciAddress address();

    /** The device's regions ({@code VFIO_DEVICE_GET_REGION_INFO} for every index). */
    List<Region> regions();

    /**
     * Maps part of a BAR. Refusals: a region that is not an mmapable BAR, or a range outside it,
     * {@code EINVAL}; a device whose TDI is bound (its MMIO is private) {@code EPERM}.
     */
    Result<Mmap> mmap(int region, long offset, long length);

    /** Config-space access. */
    ConfigSpace config();

    /** {@code VFIO_DEVICE_RESET}: a function-level reset (dma-bufs revoked before, restored after). */
    Result<Done> reset();

    /**
     * {@code VFIO_DEVICE_PCI_HOT_RESET} from this device's cdev with a zero-length fd array (the iommufd
     * the cdev is bound to proves ownership of the dev_set): a secondary bus reset of the slot or bus, every
     * function of the dev_set with it; each one's dma-bufs revoked before it and restored after it when its
     * memory decode is on. Refusals: a dev_set with a function the caller does not own, or that cannot be
     * reset at the bus, {@code EINVAL} or {@code EPERM}. A stack that does not offer it answers
     * {@code ENOTTY}, as a kernel without the ioctl would, and the rules that need it are not tested.
     */
    default Result<Done> hotReset() {
        return Result.refused(Errno.ENOTTY, "VFIO_DEVICE_PCI_HOT_RESET is not offered by this stack");
    }

    /**
     * {@code VFIO_DEVICE_FEATURE_DMA_BUF} (GET). Refusals: no ranges or {@code flags != 0}
     * {@code EINVAL}; region index of the ROM or above {@code ENODEV}; a zero-length or unaligned
     * range {@code EINVAL}; offset + length overflowing {@code EOVERFLOW}; a range past the end of
     * the BAR {@code EINVAL}. Created revoked when memory decode is off.
     */
    Result<DmaBuf> exportDmaBuf(DmaBufRequest request);

    /**
     * {@code VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY} (SET): lets the device go to D3; every dma-buf is
     * revoked and every mmap zapped first, under {@code memory_lock}. Refused with {@code EINVAL}
     * while already in low power.
     */
    Result<Done> lowPowerEntry();

    /**
     * {@code VFIO_DEVICE_FEATURE_LOW_POWER_EXIT} (SET): back to D0; the dma-bufs are restored if
     * memory decode is on.
     */
    Result<Done> lowPowerExit();

    /** The iommufd device object the bind made ({@code out_devid} of {@code VFIO_DEVICE_BIND_IOMMUFD}). */
    ObjectId deviceId();

    /** Whether {@link #close()} has run. */
    boolean isClosed();

    /** Closes the device's file (its {@link VfioCdev}). */
    @Override
    void close();
}
