package io.tsmtck.tck.catalogue;

/**
 * Which of the two kits a rule belongs to: the host kit tests a host stack through its uAPIs
 * ({@code tsm-tck:certify}); the device kit tests one device, the kit being its SPDM requester
 * ({@code tsm-tck:certify-device}). A run certifies one subject against its kit's rules only.
 */
public enum Kit {
    /** The PCI/TSM core, VFIO, iommufd, KVM: {@code tsm-tck:certify}. */
    HOST,
    /** TDISP and IDE_KM on the wire, and their SPDM binding: {@code tsm-tck:certify-device}. */
    DEVICE
}
