package io.tsmtck.api.iommufd;

/**
 * {@code enum iommu_viommu_type} (include/uapi/linux/iommufd.h). A u32 on the uAPI; any value can be
 * sent. Not the numbering of {@link HwInfoType}, which {@code IOMMU_GET_HW_INFO} reports.
 *
 * @param value the raw type
 */
public record ViommuType(long value) {

    /** {@code IOMMU_VIOMMU_TYPE_DEFAULT}: refused by {@code IOMMU_VIOMMU_ALLOC} with EOPNOTSUPP. */
    public static final ViommuType DEFAULT = new ViommuType(0);
    /** {@code IOMMU_VIOMMU_TYPE_ARM_SMMUV3}. */
    public static final ViommuType ARM_SMMUV3 = new ViommuType(1);
    /** {@code IOMMU_VIOMMU_TYPE_TEGRA241_CMDQV}. */
    public static final ViommuType TEGRA241_CMDQV = new ViommuType(2);
}
