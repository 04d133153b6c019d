package io.tsmtck.api;

/**
 * A kernel uAPI beyond mainline Linux that a host stack may implement, and that rules resting on a
 * posted series or a mailing-list proposal, or tests calling its interfaces, need. A stack declares
 * the ones it implements in its {@link UapiLevel}; a rule that needs one it does not declare is
 * NOT_APPLICABLE, and the verdict line names the level.
 */
public enum UapiExtension {
    /** IOMMU_VDEVICE_TSM_OP and IOMMU_VDEVICE_TSM_REQ, the vIOMMU's VM reference, TSM unbind at vdevice teardown. */
    IOMMUFD_TSM_V5("iommufd TSM v5", "posted series \"Add iommufd ioctls to support TSM operations\" v5 (Aneesh Kumar"
            + " K.V, 2026-05-25)"),
    /** AMD's TDI bind for a VM with SEV-ES state. */
    SEV_TIO("AMD SEV-TIO", "posted AMD SEV-TIO series (drivers/crypto/ccp/sev-dev-tsm.c)"),
    /** VFIO keeps private MMIO out of the host's reach across bind (the proposal the kit comes from). */
    VFIO_PRIVATE_MMIO("VFIO private MMIO proposal", "dri-devel 2025-01-20 \"Create host unaccessible dma-buf for"
            + " private device\""),
    /** VFIO unbinds the TDI before it zaps the BARs at close. */
    VFIO_UNBIND_BEFORE_ZAP("VFIO unbind-before-zap RFC", "Xu Yilun, RFC \"vfio/pci: Do TSM Unbind before zapping"
            + " bars\" (2025-05-29)");

    private final String label;
    private final String source;

    UapiExtension(String label, String source) {
        this.label = label;
        this.source = source;
    }

    /** Its short name, as a verdict line shows it. */
    public String label() {
        return label;
    }

    /** Where it is posted or proposed. */
    public String source() {
        return source;
    }
}
