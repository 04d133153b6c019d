package io.tsmtck.api.vfio;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.vm.Vm;

/**
 * An open VFIO device cdev file ({@code open("/dev/vfio/devices/vfioN")},
 * drivers/vfio/device_cdev.c {@code vfio_device_fops_cdev_open()}) before it is bound: the only
 * things userspace can do with it are associate a VM and bind it to an iommufd. Every other access
 * waits for {@link #bindIommufd}, which returns the usable {@link VfioDevice} (Linux refuses them
 * with {@code EINVAL} until then: {@code df->access_granted} in drivers/vfio/vfio_main.c).
 *
 * <p>The order is the kernel's: the VM is associated first, because {@code BIND_IOMMUFD} takes the
 * device's KVM reference ({@code vfio_df_get_kvm_safe()}); an association made after the bind
 * reaches no vIOMMU.
 *
 * <p><b>Lifecycle.</b> {@link #close()} closes the file: the bound {@link VfioDevice} too, if any.
 * Closing twice is harmless.
 *
 * <p><b>Threading.</b> Safe for use from any thread.
 */
public interface VfioCdev extends AutoCloseable {

    /** The function this file opens. */
    PciAddress address();

    /**
     * Associates the VM with the file ({@code KVM_DEV_VFIO_FILE_ADD} on the kvm-vfio device). A
     * later {@link #bindIommufd} takes it, and a vIOMMU allocated for the device holds it. Placed
     * here, on the file it names, to keep the SPI's packages acyclic.
     */
    Result<Done> associateVm(Vm vm);

    /**
     * {@code VFIO_DEVICE_BIND_IOMMUFD} (drivers/vfio/device_cdev.c
     * {@code vfio_df_ioctl_bind_iommufd()}): opens the device and makes it an iommufd device
     * object. Refusals, as mainline has them: this file already bound {@code EINVAL} ("one device
     * cannot be bound twice"); another file of the same device bound {@code EINVAL}
     * ({@code vfio_df_open()}: only the group path opens a device twice); a closed file
     * {@code ENODEV}.
     */
    Result<VfioDevice> bindIommufd(Iommufd iommufd);

    /** Closes the file. */
    @Override
    void close();
}
