package io.tsmtck.api;

import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.pci.PciHotplug;
import io.tsmtck.api.pci.PciResetMethod;
import io.tsmtck.api.pci.PciSriov;
import io.tsmtck.api.topology.Topology;
import io.tsmtck.api.tsm.TsmCore;
import io.tsmtck.api.vfio.Vfio;
import io.tsmtck.api.vm.Kvm;
import java.util.Optional;

/**
 * One isolated instance of a host-side TSM stack and the devices below it: a machine as the kit
 * sees it, with one accessor per layer.
 *
 * <p>Layers and their kernel counterparts: {@link #tsm()} the PCI/TSM core and link TSM
 * (drivers/pci/tsm.c); {@link #vfio()} VFIO device cdevs (drivers/vfio/pci); {@link #openIommufd()}
 * {@code /dev/iommu} (drivers/iommu/iommufd); {@link #kvm()} {@code /dev/kvm}. Every method is a
 * uAPI call a userspace adapter can make; the one side channel, {@link #tdiProbe()}, is an optional
 * test hook. The stack never hands the kit the device or the TSM's SPDM session: the device kit
 * tests the device.
 *
 * <p><b>Isolation.</b> Every instance owns all of its state: two instances never share a device,
 * an id space or a lock, so tests may run in parallel and in any order.
 *
 * <p><b>Lifecycle.</b> Made by {@link TsmStackProvider#create}; {@link #close()} releases every
 * handle still open (devices, iommufds, VMs, dma-bufs), disconnects every DSM, ends every thread
 * the instance started, closes every file descriptor it opened, and discards the instance. Handles
 * obtained from it are unusable afterwards. Closing twice is harmless.
 *
 * <p><b>Threading.</b> Safe for use from any thread; see each layer for its locking.
 */
public interface HostStack extends AutoCloseable {

    /** What this instance was built from. */
    StackRequest request();

    /** The TSM devices and TDISP-capable devices this instance has. */
    Topology topology();

    /** The PCI/TSM core. */
    TsmCore tsm();

    /** VFIO device cdevs. */
    Vfio vfio();

    /** Opens {@code /dev/iommu}: a fresh iommufd context. */
    Iommufd openIommufd();

    /** KVM. */
    Kvm kvm();

    /**
     * The device's view of the TDIs, through a side channel: a test hook
     * ({@link Capability#TDI_PROBE}). Empty by default.
     */
    default Optional<TdiProbe> tdiProbe() {
        return Optional.empty();
    }

    /**
     * PCI hot removal and rescan: a test hook ({@link Capability#HOT_REMOVAL}). Empty by default.
     */
    default Optional<PciHotplug> hotplug() {
        return Optional.empty();
    }

    /**
     * Disabling and enabling virtual functions: a test hook ({@link Capability#SRIOV_NUMVFS}), since
     * the PF's driver must support it. Empty by default.
     */
    default Optional<PciSriov> sriov() {
        return Optional.empty();
    }

    /** A function's reset methods: a test hook ({@link Capability#RESET_METHOD}). Empty by default. */
    default Optional<PciResetMethod> resetMethod() {
        return Optional.empty();
    }

    /**
     * The kernel's fail-nth fault injection, to make one call fail part-way: a test hook
     * ({@link Capability#FAIL_NTH}). Empty by default.
     */
    default Optional<FailNth> failNth() {
        return Optional.empty();
    }

    /** Releases everything this instance holds. */
    @Override
    void close();
}
