package io.tsmtck.api.iommufd;

import java.util.Optional;

/**
 * {@code enum iommu_hw_info_type} (include/uapi/linux/iommufd.h): the {@code out_data_type} of
 * {@code IOMMU_GET_HW_INFO}, which says what the device's IOMMU is. It is numbered apart from
 * {@link ViommuType} ({@code enum iommu_viommu_type}, what {@code IOMMU_VIOMMU_ALLOC} takes): an ARM
 * SMMUv3 reports 2 here and is allocated as 1 there, and Intel VT-d (1 here) has no vIOMMU type in
 * mainline at all, so on an Intel host {@code IOMMU_VIOMMU_ALLOC} is EOPNOTSUPP and no TDI can be
 * assigned through iommufd. A u32 on the uAPI.
 *
 * @param value the raw type
 */
public record HwInfoType(long value) {

    /** {@code IOMMU_HW_INFO_TYPE_NONE} (also {@code _DEFAULT}): a driver that reports nothing. */
    public static final HwInfoType NONE = new HwInfoType(0);
    /** {@code IOMMU_HW_INFO_TYPE_INTEL_VTD}. */
    public static final HwInfoType INTEL_VTD = new HwInfoType(1);
    /** {@code IOMMU_HW_INFO_TYPE_ARM_SMMUV3}. */
    public static final HwInfoType ARM_SMMUV3 = new HwInfoType(2);
    /** {@code IOMMU_HW_INFO_TYPE_TEGRA241_CMDQV}. */
    public static final HwInfoType TEGRA241_CMDQV = new HwInfoType(3);
    /** {@code IOMMU_HW_INFO_TYPE_AMD}, as the posted AMD vIOMMU series (Suravee Suthikulpanit) numbers it. */
    public static final HwInfoType AMD = new HwInfoType(4);

    /** The names of the values above, by value. */
    private static final String[] NAMES = {"NONE", "INTEL_VTD", "ARM_SMMUV3", "TEGRA241_CMDQV", "AMD"};

    /**
     * The vIOMMU type mainline's {@code IOMMU_VIOMMU_ALLOC} takes for this IOMMU: ARM_SMMUV3 for an
     * SMMUv3, TEGRA241_CMDQV for a Tegra241 CMDQV; empty for every other, Intel VT-d and AMD included
     * (AMD's vIOMMU type is posted, not mainline).
     */
    public Optional<ViommuType> mainlineViommuType() {
        if (equals(ARM_SMMUV3)) {
            return Optional.of(ViommuType.ARM_SMMUV3);
        }
        if (equals(TEGRA241_CMDQV)) {
            return Optional.of(ViommuType.TEGRA241_CMDQV);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return (value >= 0 && value < NAMES.length ? NAMES[(int) value] : "type " + value) + " (" + value + ")";
    }
}
