package io.tsmtck.api.iommufd;

/**
 * {@code enum iommu_viommu_type} (include/uapi/linux/iommufd.h). A u32 on the uAPI; any value can be
 * sent.
 *
 * @param value the raw type
 */
public record ViommuType(long value) {

    /** {@code IOMMU_VIOMMU_TYPE_DEFAULT}: refused by {@code IOMMU_VIOMMU_ALLOC} with EOPNOTSUPP. */
    public static final ViommuType DEFAULT = new ViommuType(0);
    /** {@code IOMMU_VIOMMU_TYPE_ARM_SMMUV3}. */
    public static final ViommuType ARM_SMMUV3 = new ViommuType(1);
}
