package io.tsmtck.api.vfio;

/**
 * The config-space registers the kit reads and writes through VFIO or a device's rig, by name rather
 * than offset (capability offsets differ between devices; those of the extended capabilities are
 * mainline's include/uapi/linux/pci_regs.h: PCI_REBAR_CTRL, PCI_ARI_CTRL, PCI_PASID_CTRL,
 * PCI_SRIOV_CTRL). Which writes send a locked TDI to ERROR is a rule of the kit (PCIe Base 6.x
 * 11.4.1), not of this type.
 */
public enum ConfigRegister {
    COMMAND(2),
    STATUS(2),
    CACHE_LINE_SIZE(1),
    BIST(1),
    BAR0(4),
    BAR1(4),
    BAR2(4),
    BAR3(4),
    BAR4(4),
    BAR5(4),
    EXPANSION_ROM(4),
    /** PCI Express capability, Device Capabilities (read-only). */
    DEVICE_CAPABILITIES(4),
    /** PCI Express capability, Device Control. */
    DEVICE_CONTROL(2),
    /** PCI Express capability, Link Control. */
    LINK_CONTROL(2),
    /** MSI-X capability, Message Control. */
    MSIX_MESSAGE_CONTROL(2),
    /** Resizable BAR extended capability (ID 0x0015), the first resizable BAR's Control register (offset 0x08). */
    RESIZABLE_BAR_CONTROL(4),
    /** ARI extended capability (ID 0x000E), ARI Control (offset 0x06). */
    ARI_CONTROL(2),
    /** PASID extended capability (ID 0x001B), PASID Control (offset 0x06). */
    PASID_CONTROL(2),
    /** SR-IOV extended capability (ID 0x0010) of a PF, SR-IOV Control (offset 0x08). */
    SRIOV_CONTROL(2);

    /** Command register bit 1, Memory Space Enable. */
    public static final int COMMAND_MEMORY_SPACE = 1 << 1;
    /** Command register bit 2, Bus Master Enable. */
    public static final int COMMAND_BUS_MASTER = 1 << 2;
    /** Device Capabilities bit 28, Function Level Reset Capability. */
    public static final int DEVICE_CAPABILITIES_FLR = 1 << 28;
    /** Device Control bit 8, Extended Tag Field Enable. */
    public static final int DEVICE_CONTROL_EXTENDED_TAG = 1 << 8;
    /** Device Control bit 9, Phantom Functions Enable. */
    public static final int DEVICE_CONTROL_PHANTOM_FUNCTIONS = 1 << 9;
    /** Device Control bit 11, Enable No Snoop. */
    public static final int DEVICE_CONTROL_NO_SNOOP = 1 << 11;
    /** Device Control bit 15, Initiate Function Level Reset. */
    public static final int DEVICE_CONTROL_INITIATE_FLR = 1 << 15;
    /** Resizable BAR Control bits 13:8, BAR Size; bit 8 is its lowest. */
    public static final int RESIZABLE_BAR_CONTROL_SIZE_LOW = 1 << 8;
    /** ARI Control bit 0, MFVC Function Groups Enable. */
    public static final int ARI_CONTROL_MFVC_GROUPS = 1;
    /** PASID Control bit 0, PASID Enable. */
    public static final int PASID_CONTROL_ENABLE = 1;
    /** SR-IOV Control bit 3, VF Memory Space Enable. */
    public static final int SRIOV_CONTROL_VF_MSE = 1 << 3;

    private final int width;

    ConfigRegister(int width) {
        this.width = width;
    }

    /** Width in bytes. */
    public int width() {
        return width;
    }

    /** The register of BAR {@code index} (0..5). */
    public static ConfigRegister bar(int index) {
        if (index < 0 || index > 5) {
            throw new IllegalArgumentException("BAR index is 0..5: " + index);
        }
        return values()[BAR0.ordinal() + index];
    }
}
