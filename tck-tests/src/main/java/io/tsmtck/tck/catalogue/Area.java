package io.tsmtck.tck.catalogue;

import java.util.Locale;

/** The part of the stack a rule is about; also the JUnit tag and the rule id prefix. */
public enum Area {
    /** TDISP on the wire and the device's TDI state machine. */
    TDISP("TDISP"),
    /** IDE key management. */
    IDE_KM("IDEKM"),
    /** How TDISP and IDE_KM ride on SPDM: negotiated first, in the negotiated version, in a live session. */
    SPDM("SPDM"),
    /** The PCI/TSM core and its link TSM. */
    TSM("TSM"),
    /** VFIO as owner of the device's MMIO. */
    VFIO("VFIO"),
    /** dma-bufs of MMIO and their importers. */
    DMABUF("DMABUF"),
    /** iommufd objects and TSM operations. */
    IOMMUFD("IOMMUFD"),
    /** The KVM VM handle. */
    VM("VM"),
    /** Whole lifecycles and teardown. */
    LIFECYCLE("LIFE"),
    /** Security properties that span layers. */
    SECURITY("SEC");

    private final String idPrefix;

    Area(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    /** The prefix of this area's rule ids ("TDISP" in "TDISP-04"). */
    public String idPrefix() {
        return idPrefix;
    }

    /** The kit that tests this area's rules, unless a rule names another. */
    public Kit kit() {
        return this == TDISP || this == IDE_KM || this == SPDM ? Kit.DEVICE : Kit.HOST;
    }

    /** The JUnit tag of this area's tests. */
    public String tag() {
        return "area-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
