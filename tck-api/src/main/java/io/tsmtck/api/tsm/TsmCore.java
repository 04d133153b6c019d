package io.tsmtck.api.tsm;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.IdeStream;
import io.tsmtck.api.topology.PciAddress;
import java.util.List;
import java.util.Optional;

/**
 * The PCI/TSM core (drivers/pci/tsm.c, include/linux/pci-tsm.h) with the link TSM of the stack's
 * vendor profile behind it, as userspace sees it in sysfs: connect and disconnect of a DSM, the
 * {@code tsm/connect} and {@code tsm/bound} attributes, the host bridge's secure streams.
 *
 * <p><b>Where bind lives.</b> The January 2025 dri-devel message ("[RFC PATCH 08/12] vfio/pci:
 * Create host unaccessible dma-buf for private device") argued for a VFIO bind ioctl, because
 * VFIO owns the device's MMIO and must check that nothing is mapped. Upstream went the other way:
 * {@code pci_tsm_bind()}, {@code pci_tsm_unbind()} and {@code pci_tsm_guest_req()} are in-kernel
 * functions of drivers/pci/tsm.c, and userspace reaches them only through the iommufd vdevice
 * ({@code IOMMU_VDEVICE_TSM_OP}, {@code IOMMU_VDEVICE_TSM_REQ}, a posted series): see
 * {@link io.tsmtck.api.iommufd.Iommufd#tsmOp} and {@link io.tsmtck.api.iommufd.Iommufd#tsmRequest}.
 * The core's calls on a function with any VM are an optional test hook, {@link #functionOps()}.
 *
 * <p><b>Threading.</b> Safe for use from any thread. Connect, disconnect, bind, unbind and guest
 * requests on the functions of one DSM are serialised by the DSM lock ({@code pci_tsm_pf0.lock});
 * operations on different DSMs may run in parallel.
 */
public interface TsmCore {

    /**
     * Connects the DSM to a TSM ({@code tsm/connect} sysfs write, {@code pci_tsm_connect()}): SPDM
     * session and IDE stream setup, one host-bridge secure stream consumed. Refusals: a name not
     * of the form {@code tsmN} {@code EINVAL}; already connected {@code EBUSY}; no such TSM, or a
     * devsec TSM, or a probe that made nothing (a PF0 without a DOE mailbox) {@code ENXIO}; a
     * function that is not a DSM has no {@code tsm/connect} attribute {@code ENOENT}.
     */
    Result<Done> connect(PciAddress dsm, String tsmName);

    /**
     * Disconnects ({@code tsm/disconnect}): unbinds every TDI of the DSM first (sub-functions in
     * reverse order, then PF0), tears down the session and stream, frees the context. Refusals:
     * not connected {@code ENXIO}; a different TSM's name {@code EINVAL}; a function that is not a
     * DSM, a DSM that is removed, or any DSM while no link TSM is registered has no
     * {@code tsm/disconnect} attribute {@code ENOENT}.
     */
    Result<Done> disconnect(PciAddress dsm, String tsmName);

    /** The TSM the function's DSM is connected to ({@code tsm/connect} read). */
    Optional<String> connectedTsm(PciAddress function);

    /** The TSM while a TDI of the function exists, LOCKED, RUN or ERROR ({@code tsm/bound}). */
    Optional<String> boundTsm(PciAddress function);

    /**
     * The core's context state of the function (whether {@code pdev->tsm} exists, and a TDI):
     * read from the function's {@code tsm/} sysfs attributes (see docs/linux-adapter.md).
     */
    TsmContextState state(PciAddress function);

    /** The host bridge's free secure IDE streams ({@code available_secure_streams}). */
    int availableSecureStreams(String hostBridge);

    /** The IDE streams set up for the DSM. */
    List<IdeStream> ideStreams(PciAddress dsm);

    /**
     * The TSM devices registered now ({@code /sys/class/tsm/tsmN}); a TSM whose driver is unloaded
     * is missing.
     */
    List<String> tsmDevices();

    /**
     * The DSM the function's TSM context names ({@code tsm/dsm}, {@code dsm_show()}): PF0 names
     * itself once connected; a sub-function that got a context names its DSM. Empty without a
     * context, or with the attribute hidden.
     */
    Optional<PciAddress> dsmOf(PciAddress function);

    /** TSM driver unload and load: a test hook ({@link io.tsmtck.api.Capability#TSM_LIFECYCLE}). Empty by default. */
    default Optional<TsmLifecycle> lifecycle() {
        return Optional.empty();
    }

    /**
     * The core's TDI operations on a function with any VM and TDI id: a test hook
     * ({@link io.tsmtck.api.Capability#FUNCTION_TSM_OPS}) that no uAPI gives. Empty by default.
     */
    default Optional<TsmFunctionOps> functionOps() {
        return Optional.empty();
    }
}
