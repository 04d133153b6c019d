package io.tsmtck.emu.host.iommufd;

import io.tsmtck.api.iommufd.ObjectId;
import io.tsmtck.api.iommufd.ViommuType;
import io.tsmtck.emu.host.kvm.VmObject;
import io.tsmtck.emu.host.vfio.EmuVfioDevice;
import java.util.Optional;

/**
 * The objects of an emulated iommufd and what each depends on; an object something depends on
 * cannot be destroyed ({@code EBUSY}).
 */
sealed interface IommufdObject {

    /** The object this one depends on, if any (a vdevice depends on its vIOMMU and its device). */
    default boolean dependsOn(ObjectId other) {
        return false;
    }

    /** {@code IOMMU_IOAS_ALLOC}. */
    record Ioas() implements IommufdObject {
    }

    /** An iommufd device object ({@code struct iommufd_device}) of a VFIO device. */
    record Device(EmuVfioDevice vfio) implements IommufdObject {
    }

    /** A paging HWPT. */
    record Hwpt(ObjectId device, ObjectId ioas, boolean nestParent) implements IommufdObject {
        @Override
        public boolean dependsOn(ObjectId other) {
            return ioas.equals(other);
        }
    }

    /** A vIOMMU holding (a reference to) the VM. */
    record Viommu(ObjectId hwpt, ObjectId device, ViommuType type, Optional<VmObject> vm, boolean holdsVm)
            implements IommufdObject {
        @Override
        public boolean dependsOn(ObjectId other) {
            return hwpt.equals(other);
        }
    }

    /** A vdevice: the device as the guest sees it, owner of its TDI binding. */
    record Vdevice(ObjectId viommu, ObjectId device, long virtId) implements IommufdObject {
        @Override
        public boolean dependsOn(ObjectId other) {
            return viommu.equals(other) || device.equals(other);
        }
    }
}
