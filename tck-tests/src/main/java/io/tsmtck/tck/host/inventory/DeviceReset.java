package io.tsmtck.tck.host.inventory;

import io.tsmtck.api.FixedDevice;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.topology.Dsm;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.vfio.VfioCdev;
import java.util.List;
import java.util.Optional;

/**
 * The reset contract between two tests on a fixed device: the test's handles closed newest first,
 * the provider's {@link FixedDevice#reset()}, then a check that the device is clean (no DSM
 * connected, no function bound, every function's VFIO cdev free to open and bind).
 */
public final class DeviceReset {

    private DeviceReset() {
    }

    /** Resets {@code device} after a test that opened {@code handles}; what is wrong, if anything. */
    public static Optional<String> reset(FixedDevice device, List<AutoCloseable> handles) {
        for (AutoCloseable handle : handles) {
            try {
                handle.close();
            } catch (Exception | AssertionError e) {
                return Optional.of("closing a handle the test left open threw " + e);
            }
        }
        Result<Done> reset;
        try {
            reset = device.reset();
        } catch (RuntimeException | AssertionError e) {
            return Optional.of("FixedDevice.reset() threw " + e);
        }
        if (reset == null) {
            return Optional.of("FixedDevice.reset() returned null");
        }
        if (reset instanceof Result.Refused<Done> refused) {
            return Optional.of("FixedDevice.reset() was refused: " + refused.errno() + " " + refused.detail());
        }
        try {
            return unclean(device.stack());
        } catch (RuntimeException | AssertionError e) {
            return Optional.of("checking the device after its reset threw " + e);
        }
    }

    /** What keeps {@code stack}'s device from being clean, if anything. */
    static Optional<String> unclean(HostStack stack) {
        if (!stack.tsm().tsmDevices().containsAll(stack.topology().tsmDevices())) {
            return Optional.of("after its reset the TSMs registered are " + stack.tsm().tsmDevices() + ", not "
                    + stack.topology().tsmDevices());
        }
        for (Dsm dsm : stack.topology().dsms()) {
            Optional<String> connected = stack.tsm().connectedTsm(dsm.address());
            if (connected.isPresent()) {
                return Optional.of("after its reset " + dsm.address() + " is still connected to " + connected.get());
            }
            for (PciFunction function : dsm.functions()) {
                Optional<String> bound = stack.tsm().boundTsm(function.address());
                if (bound.isPresent()) {
                    return Optional.of("after its reset " + function.address() + " is still bound to " + bound.get());
                }
                Optional<String> busy = cdevBusy(stack, function);
                if (busy.isPresent()) {
                    return busy;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> cdevBusy(HostStack stack, PciFunction function) {
        Result<VfioCdev> opened = stack.vfio().open(function.address());
        if (!(opened instanceof Result.Ok<VfioCdev> ok)) {
            return Optional.of("after its reset the VFIO cdev of " + function.address() + " cannot be opened: "
                    + opened.refusalErrno().map(Enum::name).orElse("?"));
        }
        try (VfioCdev cdev = ok.value(); Iommufd iommufd = stack.openIommufd()) {
            Result<?> bound = cdev.bindIommufd(iommufd);
            return bound.isOk() ? Optional.empty() : Optional.of("after its reset the VFIO cdev of "
                    + function.address() + " cannot bind (another file still holds the device?): "
                    + bound.refusalErrno().map(Enum::name).orElse("?"));
        }
    }
}
