package io.tsmtck.emu.host.vfio;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.vfio.VfioCdev;
import io.tsmtck.api.vfio.VfioDevice;
import io.tsmtck.api.vm.Vm;
import io.tsmtck.emu.device.EmuDevice;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.host.kvm.EmuKvm;
import io.tsmtck.emu.host.kvm.VmObject;
import io.tsmtck.emu.host.tsm.EmuTsmCore;
import io.tsmtck.emu.stack.EmuContext;
import java.util.Optional;

/**
 * One open cdev file of a function (drivers/vfio/device_cdev.c): a VM association, then one bind
 * to an iommufd, which opens the device ({@link EmuVfioDevice}) if no other file of it has.
 */
final class EmuVfioCdev implements VfioCdev {

    private final PciFunction function;
    private final EmuDevice device;
    private final EmuTsmCore tsm;
    private final EmuContext context;
    private final EmuVfio vfio;
    private Optional<VmObject> kvm = Optional.empty();
    private Optional<EmuVfioDevice> bound = Optional.empty();
    private boolean closed;

    EmuVfioCdev(PciFunction function, EmuDevice device, EmuTsmCore tsm, EmuContext context, EmuVfio vfio) {
        this.function = function;
        this.device = device;
        this.tsm = tsm;
        this.context = context;
        this.vfio = vfio;
    }

    @Override
    public PciAddress address() {
        return function.address();
    }

    @Override
    public synchronized Result<Done> associateVm(Vm vm) {
        Optional<VmObject> object = EmuKvm.objectOf(vm);
        if (object.isEmpty()) {
            return Result.refused(Errno.EINVAL, "not an open VM of this stack");
        }
        if (closed) {
            return Result.refused(Errno.ENODEV, address() + ": the file is closed");
        }
        kvm.ifPresent(VmObject::put);
        kvm = Optional.of(object.get().get());
        return Result.done();
    }

    @Override
    public synchronized Result<VfioDevice> bindIommufd(Iommufd iommufd) {
        if (closed) {
            return Result.refused(Errno.ENODEV, address() + ": the file is closed");
        }
        if (!(iommufd instanceof DeviceBinder binder)) {
            return Result.refused(Errno.EINVAL, "not an iommufd of this stack");
        }
        if (bound.isPresent()) {
            return context.faults().value(Fault.VFIO_REBIND_SAME_FILE,
                    Result.refused(Errno.EINVAL, address() + ": this file is already bound (one device cannot be"
                    + " bound twice)"), Result.ok(bound.get()));
        }
        if (context.faults().check(Fault.VFIO_SECOND_FILE_BINDS, !vfio.claim(address()))) {
            return Result.refused(Errno.EINVAL, address() + " is open through another file; only one file of a device"
                    + " cdev may bind");
        }
        EmuVfioDevice opened = new EmuVfioDevice(function, device, tsm, context, kvm, this::deviceClosed,
                vfio.resetMethods());
        Result<VfioDevice> result = opened.attach(binder);
        if (result.isOk()) {
            // BIND_IOMMUFD takes the device's KVM reference, held until the device closes; the file keeps its own
            kvm.ifPresent(VmObject::get);
            bound = Optional.of(opened);
            return Result.ok(context.handles().track(opened));
        }
        vfio.unclaim(address());
        return result;
    }

    private synchronized void deviceClosed() {
        vfio.unclaim(address());
        close();
    }

    @Override
    public void close() {
        Optional<EmuVfioDevice> device;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            device = bound;
            kvm.ifPresent(VmObject::put);
            kvm = Optional.empty();
        }
        context.faults().step(Fault.VFIO_CDEV_CLOSE_LEAVES_DEVICE, () -> device.ifPresent(EmuVfioDevice::close));
        vfio.released();
    }
}
