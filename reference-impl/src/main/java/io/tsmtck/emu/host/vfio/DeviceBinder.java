package io.tsmtck.emu.host.vfio;

import io.tsmtck.api.errno.Result;
import io.tsmtck.api.iommufd.ObjectId;

/**
 * What an emulated iommufd offers VFIO ({@code iommufd_device_bind()}): it makes a device object
 * for the VFIO device and hands back the id and what to do when the device closes. Defined here so
 * that VFIO does not depend on the iommufd package.
 */
public interface DeviceBinder {

    /** A device object bound to an iommufd. */
    interface Bound {
        /** The device object's id. */
        ObjectId id();

        /**
         * The VFIO device is closing: destroy its vdevice (unbinding its TDI, tombstoning the id)
         * and its device object.
         */
        void deviceClosing();
    }

    /** Makes the device object. */
    Result<Bound> bind(EmuVfioDevice device);
}
