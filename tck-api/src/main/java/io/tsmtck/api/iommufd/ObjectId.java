package io.tsmtck.api.iommufd;

/**
 * An iommufd object id, as the uAPI returns it ({@code out_*_id}). Ids of one iommufd are never
 * reused while it is open: a vdevice destroyed behind the user's back (its VFIO device closed)
 * leaves a tombstone, and {@code IOMMU_DESTROY} on it answers {@code ENOENT}.
 *
 * @param value the u32 id
 */
public record ObjectId(long value) {

    public ObjectId {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("an object id is a u32: " + value);
        }
    }
}
