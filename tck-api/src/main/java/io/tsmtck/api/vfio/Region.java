package io.tsmtck.api.vfio;

/**
 * A VFIO device region ({@code VFIO_DEVICE_GET_REGION_INFO}). Indexes 0-5 are the BARs,
 * {@link #ROM_INDEX} the expansion ROM, {@link #CONFIG_INDEX} config space.
 *
 * @param index the region index
 * @param size size in bytes (0 for an unimplemented BAR)
 * @param mmapable whether userspace may mmap it
 */
public record Region(int index, long size, boolean mmapable) {

    /** {@code VFIO_PCI_ROM_REGION_INDEX}. */
    public static final int ROM_INDEX = 6;
    /** {@code VFIO_PCI_CONFIG_REGION_INDEX}. */
    public static final int CONFIG_INDEX = 7;
}
