package io.tsmtck.api.tsm;

import io.tsmtck.api.device.SpdmSessionId;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.IdeStream;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.vm.Vm;
import java.util.List;
import java.util.Optional;

/**
 * The PCI/TSM core (drivers/pci/tsm.c, include/linux/pci-tsm.h) with the link TSM of the stack's
 * vendor profile behind it: connect and disconnect of a DSM, bind and unbind of a TDI, guest
 * requests, and the state the core shows in sysfs.
 *
 * <p><b>Where bind lives.</b> The January 2025 dri-devel message ("[RFC PATCH 08/12] vfio/pci:
 * Create host unaccessible dma-buf for private device") argued for a VFIO bind ioctl, because
 * VFIO owns the device's MMIO and must check that nothing is mapped. Upstream went the other way:
 * bind is a TSM operation on the iommufd vdevice ({@code IOMMU_VDEVICE_TSM_OP}), which has the link
 * vIOMMU -> VM, and VFIO refuses what would break a bound device. This SPI follows upstream: the
 * uAPI path is {@link io.tsmtck.api.iommufd.Iommufd#tsmOp}; {@link #bind} here is the in-kernel
 * {@code pci_tsm_bind(pdev, kvm, tdi_id)} contract that the iommufd op calls, exposed so the kit
 * can check the core's own rules (same VM twice, another VM, no VM). The VFIO-side duties the
 * message lists (refuse while BARs are mmapped; revoke dma-bufs around bind under the memory lock)
 * hold on both paths.
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
     * devsec TSM, or a probe that made nothing {@code ENXIO}; no DOE mailbox {@code ENODEV}.
     */
    Result<Done> connect(PciAddress dsm, String tsmName);

    /**
     * Disconnects ({@code tsm/disconnect}): unbinds every TDI of the DSM first (sub-functions in
     * reverse order, then PF0), tears down the session and stream, frees the context. Refusals:
     * not connected {@code ENXIO}; a different TSM's name {@code EINVAL}.
     */
    Result<Done> disconnect(PciAddress dsm, String tsmName);

    /** The TSM the function's DSM is connected to ({@code tsm/connect} read). */
    Optional<String> connectedTsm(PciAddress function);

    /** The TSM while a TDI of the function exists, LOCKED, RUN or ERROR ({@code tsm/bound}). */
    Optional<String> boundTsm(PciAddress function);

    /** The core's context state of the function. */
    TsmContextState state(PciAddress function);

    /** The host bridge's free secure IDE streams ({@code available_secure_streams}). */
    int availableSecureStreams(String hostBridge);

    /** The IDE streams set up for the DSM. */
    List<IdeStream> ideStreams(PciAddress dsm);

    /** The SPDM session the TSM holds with the DSM, while connected. */
    Optional<SpdmSessionId> session(PciAddress dsm);

    /**
     * {@code pci_tsm_bind(pdev, kvm, tdi_id)}: creates the TDI and leaves it in CONFIG_LOCKED.
     * Refusals: no VM {@code EINVAL}; not connected {@code EINVAL}; bound to another VM
     * {@code EBUSY}; a TSM driver error as returned, with nothing left bound. Bound to the same VM
     * already: success without calling the driver again.
     *
     * @param vm the VM, empty to check the refusal
     * @param tdiId the guest's id of the TDI (its virtual BDF, the vdevice's {@code virt_id})
     */
    Result<Done> bind(PciAddress function, Optional<Vm> vm, long tdiId);

    /**
     * {@code pci_tsm_unbind()}: destroys the TDI (STOP, the device back in CONFIG_UNLOCKED). Never
     * refused and idempotent: unbinding an unbound function succeeds and calls nothing.
     */
    Result<Done> unbind(PciAddress function);

    /**
     * {@code pci_tsm_guest_req()}. Refusals before any lock: scope above STATE_CHANGE
     * {@code EINVAL}; not connected or not bound {@code ENXIO}.
     */
    Result<GuestResponse> guestRequest(PciAddress function, GuestRequest request);
}
