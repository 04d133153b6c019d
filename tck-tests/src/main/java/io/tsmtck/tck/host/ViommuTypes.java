package io.tsmtck.tck.host;

import io.tsmtck.api.iommufd.HwInfoType;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.iommufd.ObjectId;
import io.tsmtck.api.iommufd.ViommuType;
import io.tsmtck.tck.setup.Setup;

/** The vIOMMU type to allocate for a device, as a VMM finds it: IOMMU_GET_HW_INFO, then the mapping. */
public final class ViommuTypes {

    private ViommuTypes() {
    }

    /**
     * The vIOMMU type for {@code device}'s IOMMU; a set-up failure naming the IOMMU when it has none
     * (Intel VT-d in mainline), which stops every assignment through iommufd on that host.
     */
    public static ViommuType of(Iommufd iommufd, ObjectId device) {
        HwInfoType hardware = Setup.require(iommufd.hwInfoType(device), "IOMMU_GET_HW_INFO");
        return iommufd.viommuType(hardware).orElseThrow(() -> Setup.failed("find a vIOMMU type for the IOMMU"
                + " IOMMU_GET_HW_INFO reports", hardware + " has no vIOMMU type in mainline's enum iommu_viommu_type"
                + " (Intel VT-d has none), so IOMMU_VIOMMU_ALLOC is EOPNOTSUPP and no TDI can be assigned through"
                + " iommufd on this host"));
    }
}
