package io.tsmtck.emu;

import io.tsmtck.api.HostStack;
import io.tsmtck.api.device.SpdmChannel;
import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.iommufd.HwptFlags;
import io.tsmtck.api.iommufd.Iommufd;
import io.tsmtck.api.iommufd.ObjectId;
import io.tsmtck.api.iommufd.TsmOpType;
import io.tsmtck.api.spdm.ProtocolId;
import io.tsmtck.api.spdm.VendorDefinedMessage;
import io.tsmtck.api.tdisp.DeviceInterfaceStateResponse;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.StartInterfaceRequest;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispCodec;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.tsm.GuestRequest;
import io.tsmtck.api.tsm.GuestRequestScope;
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
        vfio = stack.vfio().open(function.address()).orElseThrow();
        vm = stack.kvm().createVm(VmType.CONFIDENTIAL).orElseThrow();
        vfio.associateVm(vm).orElseThrow();
        iommufd = stack.openIommufd();
        device = vfio.bindIommufd(iommufd).orElseThrow();
        ObjectId ioas = iommufd.allocIoas().orElseThrow();
        ObjectId hwpt = iommufd.allocHwpt(device, ioas, HwptFlags.NEST_PARENT).orElseThrow();
        viommu = iommufd.allocViommu(device, hwpt, iommufd.hwViommuType(device).orElseThrow(), 0).orElseThrow();
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

    /** The TDI state as the device reports it, over the TSM's session. */
    TdiState deviceState() {
        ByteString request = VendorDefinedMessage.request(ProtocolId.TDISP, HeaderOnlyMessage.getState(header())
                .encode()).encode();
        ByteString answer = stack.responder(function.dsm())
                .exchange(SpdmChannel.secured(stack.tsm().session(function.dsm()).orElseThrow()), request)
                .orElseThrow();
        return ((DeviceInterfaceStateResponse) TdispCodec.decode(VendorDefinedMessage.decode(answer).orElseThrow()
                .body()).orElseThrow()).state();
    }

    private TdispHeader header() {
        return TdispHeader.v10(function.interfaceId());
    }
}
