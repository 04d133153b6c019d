package io.tsmtck.emu;

import io.tsmtck.api.HostStack;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.iommufd.HwptFlags;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.iommufd.ObjectId;
import io.tsmtck.api.iommufd.TsmOpType;
import io.tsmtck.api.tdisp.StartInterfaceRequest;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.tsm.GuestRequest;
import io.tsmtck.api.tsm.GuestRequestScope;
import io.tsmtck.api.vfio.VfioCdev;
import io.tsmtck.api.vfio.VfioDevice;
import io.tsmtck.api.vm.Vm;
import io.tsmtck.api.vm.VmType;
import io.tsmtck.api.wire.ByteString;

/** Drives one function of an emulated stack through the uAPI path, for the emulation's own tests. */
final class StackDriver {

    final HostStack stack;
    final PciFunction function;
    VfioDevice vfio;
    Iommufd iommufd;
    Vm vm;
    ObjectId device;
    ObjectId viommu;
    ObjectId vdevice;

    StackDriver(HostStack stack, PciFunction function) {
        this.stack = stack;
        this.function = function;
    }

    /** Connect, open, associate a confidential VM, build IOAS -> HWPT -> vIOMMU -> vdevice. */
    StackDriver assign() {
        stack.tsm().connect(function.dsm(), "tsm0");
        VfioCdev cdev = stack.vfio().open(function.address()).orElseThrow();
        vm = stack.kvm().createVm(VmType.CONFIDENTIAL).orElseThrow();
        cdev.associateVm(vm).orElseThrow();
        iommufd = stack.openIommufd();
        vfio = cdev.bindIommufd(iommufd).orElseThrow();
        device = vfio.deviceId();
        ObjectId ioas = iommufd.allocIoas().orElseThrow();
        ObjectId hwpt = iommufd.allocHwpt(device, ioas, HwptFlags.NEST_PARENT).orElseThrow();
        viommu = iommufd.allocViommu(device, hwpt, iommufd.viommuType(iommufd.hwInfoType(device).orElseThrow()).orElseThrow(), 0).orElseThrow();
        vdevice = iommufd.allocVdevice(viommu, device, 0x0800).orElseThrow();
        return this;
    }

    Result<Done> bind() {
        return iommufd.tsmOp(vdevice, TsmOpType.BIND, 0);
    }

    Result<Done> guestStart() {
        ByteString start = new StartInterfaceRequest(header(), ByteString.zeros(32)).encode();
        return iommufd.tsmRequest(vdevice, new GuestRequest(GuestRequestScope.STATE_CHANGE, start), 0)
                .map(response -> Done.DONE);
    }

    /** The TDI state as the device model holds it (the stack's TDI probe). */
    TdiState deviceState() {
        return stack.tdiProbe().orElseThrow().state(function.address());
    }

    private TdispHeader header() {
        return TdispHeader.v10(function.interfaceId());
    }
}
