package io.tsmtck.api.iommufd;

import io.tsmtck.api.Extension;
import io.tsmtck.api.UapiExtension;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.tsm.GuestRequest;
import io.tsmtck.api.tsm.GuestResponse;
import java.util.Optional;

/**
 * An open {@code /dev/iommu} (drivers/iommu/iommufd/): the object graph IOAS -> nest-parent HWPT ->
 * vIOMMU -> vdevice that ties an assigned device to a VM. Devices enter it through
 * {@link io.tsmtck.api.vfio.VfioCdev#bindIommufd}.
 *
 * <p><b>Objects.</b> Every object is named by an {@link ObjectId}. Destroying an object something
 * still depends on is refused with {@code EBUSY} (a HWPT under a vIOMMU, a vIOMMU under a vdevice).
 * The vIOMMU holds the VM it was allocated for (copied from the device's KVM association) until it
 * is destroyed. A vdevice owns its TDI binding: destroying it unbinds.
 *
 * <p><b>Lifecycle.</b> {@link #close()} closes the fd. A VFIO device bound to the iommufd holds its
 * context ({@code iommufd_device_bind()} takes {@code iommufd_ctx_get()}), so while one is bound the
 * objects live on and its TDI stays bound; the device's own close tombstones its vdevice, which
 * unbinds the TDI, and the last reference destroys every object ({@code iommufd_fops_release()}).
 * Closing twice is harmless.
 *
 * <p><b>Threading.</b> Safe for use from any thread; each call is atomic with respect to the
 * object graph.
 */
public interface Iommufd extends AutoCloseable {

    /** {@code IOMMU_IOAS_ALLOC}. */
    Result<ObjectId> allocIoas();

    /**
     * {@code IOMMU_GET_HW_INFO}: {@code out_data_type}, what the device's IOMMU is. Not a vIOMMU type:
     * {@link #viommuType(HwInfoType)} maps it.
     */
    Result<HwInfoType> hwInfoType(ObjectId device);

    /**
     * The vIOMMU type to allocate for an IOMMU of type {@code hardware}, as a VMM decides it; empty when
     * there is none (Intel VT-d in mainline), in which case every assignment through iommufd stops at
     * {@code IOMMU_VIOMMU_ALLOC}. Mainline's table unless the platform has an IOMMU of its own.
     */
    default Optional<ViommuType> viommuType(HwInfoType hardware) {
        return hardware.mainlineViommuType();
    }

    /**
     * {@code IOMMU_HWPT_ALLOC} of a paging HWPT on {@code ioas} for {@code device}.
     *
     * @param flags {@link HwptFlags}
     */
    Result<ObjectId> allocHwpt(ObjectId device, ObjectId ioas, int flags);

    /**
     * {@code IOMMU_VIOMMU_ALLOC}. Refusals: {@code flags != 0} or type DEFAULT {@code EOPNOTSUPP};
     * a HWPT that is not a nest parent {@code EINVAL}. Takes a reference on the VM associated with
     * the device, if any.
     */
    Result<ObjectId> allocViommu(ObjectId device, ObjectId hwpt, ViommuType type, int flags);

    /**
     * {@code IOMMU_VDEVICE_ALLOC}. Refusals: duplicate {@code virtId} in the vIOMMU, or a second
     * vdevice for the device {@code EEXIST}; a device being destroyed {@code ENOENT}; a device of
     * another IOMMU {@code EINVAL}.
     *
     * @param virtId the device's id in the guest (its virtual BDF), also the TDI id of a bind
     */
    Result<ObjectId> allocVdevice(ObjectId viommu, ObjectId device, long virtId);

    /** {@code IOMMU_DESTROY}. Refusals: in use {@code EBUSY}; unknown or tombstoned {@code ENOENT}. */
    Result<Done> destroy(ObjectId id);

    /**
     * {@code IOMMU_VDEVICE_TSM_OP} [posted]: bind or unbind the vdevice's TDI to the vIOMMU's VM, one
     * coarse verb inside which the vendor does any host-side preparation (the January 2025
     * dri-devel message's {@code pci_tsm_dev_bind()}). Refusals: {@code flags != 0}
     * {@code EOPNOTSUPP}; unknown type {@code EINVAL}; a vIOMMU without VM {@code ENODEV}; the
     * device's BARs mmapped by userspace (any errno; the reference implementation says
     * {@code EBUSY}); the TSM's own errors. On success the TDI is
     * CONFIG_LOCKED, never RUN.
     */
    @Extension(UapiExtension.IOMMUFD_TSM_V5)
    Result<Done> tsmOp(ObjectId vdevice, TsmOpType type, int flags);

    /**
     * {@code IOMMU_VDEVICE_TSM_REQ} [posted]: relays a guest request. Refusals: {@code reserved != 0}
     * {@code EOPNOTSUPP}; unknown scope {@code EINVAL}; not bound {@code ENXIO}.
     */
    @Extension(UapiExtension.IOMMUFD_TSM_V5)
    Result<GuestResponse> tsmRequest(ObjectId vdevice, GuestRequest request, long reserved);

    /** Closes the fd; the objects go with the last reference (see the class comment). */
    @Override
    void close();
}
