package io.tsmtck.api.iommufd;

/** Flags of {@code IOMMU_HWPT_ALLOC} ({@code enum iommufd_hwpt_alloc_flags}). */
public final class HwptFlags {

    /** {@code IOMMU_HWPT_ALLOC_NEST_PARENT}: the HWPT can be the parent of a vIOMMU. */
    public static final int NEST_PARENT = 1;

    private HwptFlags() {
    }
}
