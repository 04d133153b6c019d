package io.tsmtck.api;

/**
 * The TSM back end behind the PCI/TSM core. The rules are the same for every profile except where
 * the sources let vendors differ; a rule that applies to some profiles only says so.
 */
public enum VendorProfile {
    /**
     * A link TSM: the host kernel itself drives the DSM's SPDM session, IDE keys and TDISP, with no
     * platform firmware in between, as the kit's reference models it. The devsec sample's
     * {@code devsec_link_tsm} (devsec/tsm tree, not mainline) registers a link TSM of this kind but a
     * faux one: it does no SPDM and no TDISP.
     */
    GENERIC_LINK,
    /**
     * AMD SEV-TIO (drivers/crypto/ccp/sev-dev-tsm.c): connect and disconnect are mainline, bind is
     * posted. Sub-functions get no TSM context; bind
     * is one firmware call that needs the SEV-SNP guest's context and locks the TDI; RUN is set from
     * guest requests; bind to a VM without SEV-SNP is refused.
     */
    AMD_SEV_TIO,
    /**
     * Intel TDX Connect (posted): the TDX module is the TSM; firmware calls are serialised (busy on
     * contention); bind sets up trusted DMA in the IOMMU; unbind runs STOP, unmap, clean, reclaim in
     * that order.
     */
    INTEL_TDX_CONNECT,
    /**
     * Arm CCA (posted): the RMM's VDEV_CREATE/COMMUNICATE/LOCK/START/STOP/DESTROY; all device memory
     * is unmapped before unbind; the SMMUv3 vIOMMU needs the VM for its VMID.
     */
    ARM_CCA
}
