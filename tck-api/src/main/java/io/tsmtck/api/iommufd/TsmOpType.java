package io.tsmtck.api.iommufd;

/**
 * The operation of {@code IOMMU_VDEVICE_TSM_OP} (posted iommufd TSM series). The numbering is the
 * kit's; an adapter maps it to its uAPI's. Any value can be sent, so the kit can check that an
 * unknown one is refused with {@code EINVAL}.
 *
 * @param value the raw type
 */
public record TsmOpType(long value) {

    /** Bind the vdevice's TDI to the vIOMMU's VM: the TDI ends in CONFIG_LOCKED. */
    public static final TsmOpType BIND = new TsmOpType(1);
    /** Unbind: the TDI ends in CONFIG_UNLOCKED. */
    public static final TsmOpType UNBIND = new TsmOpType(2);
}
